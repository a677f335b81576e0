package dev.vigie.jobs.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SourceStateTest {

    @Test
    void remembersSeenIdsNewestLastAndForgetsTheOldestBeyondTheLimit() {
        List<String> many = IntStream.range(0, SourceState.MAX_SEEN_IDS + 5)
                .mapToObj(i -> "id-" + i)
                .toList();

        SourceState state = SourceState.EMPTY
                .withSeen(List.of("a", "b"))
                .withSeen(List.of("a"))
                .withSeen(many);

        assertThat(state.seenIds()).hasSize(SourceState.MAX_SEEN_IDS);
        assertThat(state.seen()).doesNotContain("a", "b", "id-0", "id-4").contains("id-5");
        assertThat(state.seenIds().get(state.seenIds().size() - 1)).isEqualTo("id-" + (SourceState.MAX_SEEN_IDS + 4));
    }

    @Test
    void roundTripsThroughTheStoredDocument() {
        SourceState state = SourceState.EMPTY
                .withValidators("\"abc\"", "Mon, 23 Nov 2026 08:00:00 GMT")
                .withCursor("1795420800")
                .withSnapshot("{\"lines\":[]}")
                .withSeen(List.of("x", "y"));

        assertThat(SourceState.fromData(state.toData())).isEqualTo(state);
        assertThat(SourceState.fromData(null)).isEqualTo(SourceState.EMPTY);
    }

    @Test
    void blankValidatorsAndCursorCountAsAbsent() {
        SourceState state = new SourceState(" ", "", " ", null, null);
        assertThat(state.etag()).isNull();
        assertThat(state.lastModified()).isNull();
        assertThat(state.cursor()).isNull();
        assertThat(state.seenIds()).isEmpty();
        assertThat(state.toData()).containsOnlyKeys("seen_ids");
    }
}
