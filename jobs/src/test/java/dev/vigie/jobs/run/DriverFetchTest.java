package dev.vigie.jobs.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigie.jobs.state.SourceState;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DriverFetchTest {

    private static SourceTask feed(String url) {
        return new SourceTask(
                new SourceRef("acme", "feed", url, url), new SourceSpec.Feed(URI.create(url), null), SourceState.EMPTY);
    }

    private static SourceOutcome outcome(String url) {
        return new SourceOutcome(
                new SourceReport(
                        new SourceRef("acme", "feed", url, url),
                        SourceStatus.UNCHANGED,
                        null,
                        0,
                        0,
                        0,
                        Instant.EPOCH,
                        0,
                        SourceState.EMPTY),
                List.of(),
                List.of());
    }

    @Test
    void startsSourcesHostAfterHostInTurn() {
        List<SourceTask> tasks = List.of(
                feed("https://a.example/1"),
                feed("https://a.example/2"),
                feed("https://a.example/3"),
                feed("https://b.example/1"),
                feed("https://c.example/1"),
                feed("https://c.example/2"));

        assertThat(DriverFetch.hostsInTurn(tasks)).containsExactly(0, 3, 4, 1, 5, 2);
    }

    @Test
    void theJobTakesEachFetchedOutcomeOnceAndOnlyWhileTheRunHoldsThem() throws Exception {
        String run = "run-" + System.nanoTime();
        int count =
                FetchedOutcomes.register(run, List.of(outcome("https://a.example/1"), outcome("https://b.example/1")));
        try {
            FetchedOutcomes.Take take = new FetchedOutcomes.Take(run);
            assertThat(count).isEqualTo(2);
            assertThat(take.map(1L).report().ref().url()).isEqualTo("https://b.example/1");
            assertThat(take.map(0L).report().ref().url()).isEqualTo("https://a.example/1");
            assertThatThrownBy(() -> take.map(0L)).hasMessageContaining("already taken");
            assertThatThrownBy(() -> take.map(2L)).hasMessageContaining("has 2 fetched outcomes");
            assertThatThrownBy(() -> FetchedOutcomes.register(run, List.of())).hasMessageContaining("already");
        } finally {
            FetchedOutcomes.release(run);
        }
        assertThatThrownBy(() -> FetchedOutcomes.take(run, 0)).hasMessageContaining("only an embedded job");
    }
}
