package dev.vigie.jobs.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code spike:} key of an alert in the watch file: what it reads, and each refusal with its file and line. */
class SpikeAlertFileTest {
    private static final String MINIMAL = "watch: acme\nbrand: { name: Acme }\n";
    private final WatchLoader loader = new WatchLoader(Map.of());

    private List<String> errors(String yaml) {
        InvalidWatchException e = catchThrowableOfType(InvalidWatchException.class, () -> loader.parse("w.yaml", yaml));
        assertThat(e).as("expected the watch to be refused").isNotNull();
        return e.errors().stream().map(WatchError::toString).toList();
    }

    @Test
    void readsTheIssueExampleWithDefaultsForWindowAndBaseline() throws Exception {
        Watch watch = loader.parse("w.yaml", MINIMAL + """
                alerts:
                  - id: spike
                    spike: { min_mentions: 5, factor: 2, on: [volume, negative] }
                    to: ["cm@acme.example"]
                  - { id: crisis, query: 'acme AND outage' }
                """);
        AlertRuleSpec spike = watch.alert("spike").orElseThrow();
        assertThat(spike.isSpike()).isTrue();
        assertThat(spike.query()).isEmpty();
        assertThat(spike.spike())
                .isEqualTo(new SpikeSpec(
                        5,
                        2.0,
                        List.of(SpikeKind.VOLUME, SpikeKind.NEGATIVE),
                        SpikeSpec.DEFAULT_WINDOW_HOURS,
                        SpikeSpec.DEFAULT_BASELINE_WEEKS));
        assertThat(spike.to()).containsExactly("cm@acme.example");
        assertThat(watch.alert("crisis").orElseThrow().isSpike()).isFalse();
    }

    @Test
    void readsWindowAndBaselineAndAnEmptySpikeAsTheDefaults() throws Exception {
        Watch watch = loader.parse("w.yaml", MINIMAL + """
                alerts:
                  - { id: night, spike: { factor: 3.5, on: [negative], window: 6h, baseline_weeks: 8 } }
                  - { id: plain, spike: {} }
                  - id: bare
                    spike:
                """);
        assertThat(watch.alert("night").orElseThrow().spike())
                .isEqualTo(new SpikeSpec(5, 3.5, List.of(SpikeKind.NEGATIVE), 6, 8));
        assertThat(watch.alert("plain").orElseThrow().spike()).isEqualTo(SpikeSpec.defaults());
        assertThat(watch.alert("bare").orElseThrow().spike()).isEqualTo(SpikeSpec.defaults());
    }

    @Test
    void refusesEachBadSettingAtItsLine() {
        assertThat(errors(MINIMAL + """
                alerts:
                  - id: spike
                    spike:
                      min_mentions: none
                      factor: 1
                      on: [volume, negatve]
                      window: 3 days
                      baseline_weeks: 0
                      threshold: 2
                """))
                .containsExactly(
                        "w.yaml:6: alerts[0].spike.min_mentions: expected a number of mentions, a whole number of at least 1, "
                                + "got 'none'",
                        "w.yaml:7: alerts[0].spike.factor: expected how many times the usual level makes a spike, a number "
                                + "above 1 (2 = twice), got '1'",
                        "w.yaml:8: alerts[0].spike.on[1]: expected one of volume, negative, got 'negatve' (did you mean "
                                + "'negative'?)",
                        "w.yaml:9: alerts[0].spike.window: expected the hours counted, 1h to 48h (e.g. 3h), got '3 days'",
                        "w.yaml:10: alerts[0].spike.baseline_weeks: expected a number of weeks, a whole number of at least 1, "
                                + "got '0'",
                        "w.yaml:11: alerts[0].spike.threshold: unknown key; expected one of min_mentions, factor, on, window, "
                                + "baseline_weeks");
    }

    @Test
    void refusesASpikeAlertWithAQueryOrFiltersAndASpikeThatIsNotAMapping() {
        assertThat(errors(MINIMAL + "alerts:\n  - { id: spike, query: acme, spike: {} }\n"))
                .containsExactly(
                        "w.yaml:4: alerts[0].query: a spike alert has no query: it counts every mention of the brand (make a "
                                + "keyword alert of its own for the query)");
        assertThat(errors(MINIMAL + "alerts:\n  - id: spike\n    spike: {}\n    sentiment: negative\n"))
                .containsExactly("w.yaml:6: alerts[0].sentiment: a spike alert counts every mention of the brand: it "
                        + "has no sentiment filter (on: [negative] counts the negative ones)");
        assertThat(errors(MINIMAL + "alerts:\n  - { id: spike, spike: yes }\n"))
                .singleElement()
                .asString()
                .startsWith("w.yaml:4: alerts[0].spike: expected a spike alert { min_mentions, factor, on, window, "
                        + "baseline_weeks }");
        assertThat(errors(MINIMAL + "alerts:\n  - { id: spike, spike: { window: 49h } }\n"))
                .containsExactly(
                        "w.yaml:4: alerts[0].spike.window: expected the hours counted, 1h to 48h (e.g. 3h), got '49h'");
        assertThat(errors(MINIMAL + "alerts:\n  - { id: spike, spike: { on: [volume, volume] } }\n"))
                .containsExactly("w.yaml:4: alerts[0].spike: spike 'on' lists a kind twice: [VOLUME, VOLUME]");
    }
}
