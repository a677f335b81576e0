package dev.vigie.jobs.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigie.jobs.state.SourceState;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The summary a person reads at the end of a run says what was indexed, refused and why, and why alerts wait. */
class RunSummaryTest {

    private static final Instant T = Instant.parse("2026-11-24T10:00:00Z");

    private static SourceReport feed(String name, int fresh) {
        return new SourceReport(
                new SourceRef("acme", "feed", name, "https://" + name + "/rss"),
                SourceStatus.NEW,
                null,
                fresh,
                fresh,
                0,
                T,
                10,
                SourceState.EMPTY);
    }

    private static String print(RunSummary summary) {
        StringWriter out = new StringWriter();
        summary.print(new PrintWriter(out));
        return out.toString();
    }

    @Test
    void countsDistinctDocumentsDuplicatesAcrossSourcesAndRefusalsByReason() {
        RunSummary summary = new RunSummary(
                "r1",
                T,
                Duration.ofSeconds(3),
                List.of(feed("news.example", 100), feed("wire.example", 37)),
                List.of(),
                103,
                4,
                Map.of(),
                List.of(),
                List.of(),
                30,
                Map.of("vigie-mentions: document_parsing_exception", 4L));

        String printed = print(summary);

        assertThat(printed)
                .startsWith("Run r1: 2 sources, 137 items fetched, 137 new, 103 documents indexed (30 new "
                        + "items were duplicates across sources), 4 refused, 3.0 s");
        assertThat(printed)
                .contains("WARNING: 4 documents refused by Elasticsearch as invalid, not indexed (4 "
                        + "vigie-mentions: document_parsing_exception): see index vigie-errors, run_id r1");
    }

    @Test
    void saysWhyAlertsArePendingAndNeverThatEmailsWereWrittenWhenNoneWere() {
        AlertReport outboxFull = new AlertReport("acme", "crisis", 30, 0, 30, 0, 0, 0, "outbox full", "/srv/outbox");
        AlertReport changed = new AlertReport("acme", "pricing", 0, 4, 0, 2, 2, 0, "", "smtp://mail:25");
        AlertReport unknown = new AlertReport("acme", "legal", 1, 0, 0, 0, 0, 1, "", "smtp://mail:25");
        RunSummary summary = new RunSummary(
                "r2",
                T,
                Duration.ofSeconds(1),
                List.of(feed("news.example", 30)),
                List.of(outboxFull, changed, unknown),
                30,
                0,
                Map.of(),
                List.of(),
                List.of(),
                0,
                Map.of());

        String printed = print(summary);

        assertThat(printed)
                .contains("pending: outbox full (/srv/outbox)")
                .contains("2 re-targeted to the rule's new recipients; 2 dropped (rule changed)")
                .contains("WARNING: 1 alert hits were sent without acknowledgement")
                .doesNotContain("written to")
                .doesNotContain("refused by Elasticsearch");
        RunSummary written = new RunSummary(
                "r3",
                T,
                Duration.ofSeconds(1),
                List.of(),
                List.of(),
                0,
                0,
                Map.of(),
                List.of(Path.of("/srv/outbox")),
                List.of(),
                0,
                Map.of());
        assertThat(print(written)).contains("Alert emails written to /srv/outbox");
    }

    @Test
    void namesTheWebhookThatIsDownOrRefusingWithItsUrlMasked() {
        AlertReport slackDown = new AlertReport(
                "acme",
                "crisis",
                2,
                2,
                2,
                0,
                0,
                0,
                "endpoint unreachable (Slack https://hooks.slack.com/…)",
                "smtp://mail:25",
                0,
                "");
        AlertReport refused = new AlertReport(
                "acme",
                "legal",
                3,
                0,
                0,
                0,
                0,
                0,
                "",
                "smtp://mail:25",
                3,
                "webhook https://alerts.example/… answered 404: no route");
        RunSummary summary = new RunSummary(
                "r4",
                T,
                Duration.ofSeconds(1),
                List.of(feed("news.example", 5)),
                List.of(slackDown, refused),
                5,
                0,
                Map.of(),
                List.of(),
                List.of(),
                0,
                Map.of());

        String printed = print(summary);

        assertThat(printed)
                .contains(" sent ")
                .contains("pending: endpoint unreachable (Slack https://hooks.slack.com/…)")
                .doesNotContain("(Slack https://hooks.slack.com/…) (smtp://mail:25)")
                .contains("3 failed: webhook https://alerts.example/… answered 404: no route")
                .contains("WARNING: 3 alert hits were refused for good by a webhook")
                .contains("fix the webhook, then 'vigie alerts retry --watch FILE' sends them with the next run");
    }
}
