package dev.vigie.jobs.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigie.dashboards.IndexTemplates;
import dev.vigie.dashboards.kibana.KibanaObjects;
import dev.vigie.dashboards.kibana.Visualization;
import dev.vigie.jobs.state.SourceState;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How a source's status reaches the run summary, {@code vigie-runs} and the operations dashboard. */
class SourceStatusTest {

    private static final SourceRef PAGE = new SourceRef("acme", "page", "Globex", "https://globex.example/pricing");
    private static final Instant AT = Instant.parse("2026-11-23T08:00:00Z");

    @Test
    void aPagesFirstSnapshotIsABaselineWithItsReasonNotAnError() {
        SourceReport baseline = new SourceReport(
                PAGE,
                SourceStatus.BASELINE,
                "first snapshot stored; changes are reported from the next run",
                1,
                0,
                0,
                AT,
                12,
                SourceState.EMPTY);

        assertThat(baseline.statusText())
                .isEqualTo("baseline: first snapshot stored; changes are reported from the next run");
        Map<String, Object> record = RunRecords.document("r1:x", "r1", baseline);
        assertThat(record)
                .containsEntry("status", "baseline")
                .containsEntry("failed", 0)
                .doesNotContainKey("errors");
        assertThatThrownBy(
                        () -> new SourceReport(PAGE, SourceStatus.BASELINE, null, 1, 0, 0, AT, 12, SourceState.EMPTY))
                .hasMessage("a baseline source needs a reason: acme page Globex");
    }

    @Test
    void failuresKeepTheirReasonAsTheRecordsError() {
        SourceReport failed =
                new SourceReport(PAGE, SourceStatus.FAILED, "timed out", 0, 0, 0, AT, 30_000, SourceState.EMPTY);
        assertThat(failed.statusText()).isEqualTo("FAILED: timed out");
        assertThat(RunRecords.document("r1:x", "r1", failed))
                .containsEntry("errors", "timed out")
                .containsEntry("failed", 1);
    }

    @Test
    void theOperationsDashboardShowsEveryStatusARunRecords() {
        Visualization byStatus = KibanaObjects.read("operations").stream()
                .filter(o -> o.id().equals("vigie-operations-run-status"))
                .map(Visualization::of)
                .findFirst()
                .orElseThrow();
        Visualization.Agg terms = byStatus.aggs().stream()
                .filter(a -> "status".equals(a.field()))
                .findFirst()
                .orElseThrow();
        assertThat(terms.params().path("size").asInt())
                .as("a bucket for each of %s", Arrays.toString(SourceStatus.values()))
                .isGreaterThanOrEqualTo(SourceStatus.values().length);
        assertThat(IndexTemplates.fieldTypes("vigie-runs")).containsEntry("status", "keyword");
    }
}
