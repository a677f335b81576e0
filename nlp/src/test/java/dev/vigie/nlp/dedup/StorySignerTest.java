package dev.vigie.nlp.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class StorySignerTest {

    private static final String STORY = "Oil prices rose on Tuesday after OPEC members agreed to cut production by two"
            + " million barrels a day, the largest reduction since the start of the pandemic, traders said.";
    private static final String COPY = "PARIS (Reuters) - OIL PRICES ROSE on Tuesday after OPEC members agreed to cut"
            + " production by two million barrels a day, the largest reduction since the start of the pandemic, traders"
            + " said. Read more at news.example.com.";
    private static final String OTHER = "Oil prices fell on Friday as traders worried that rising interest rates"
            + " would slow demand, while OPEC said production would stay unchanged for the rest of the year.";

    private final StorySigner signer = StorySigner.create();

    @Test
    void syndicatedCopyIsADuplicateAndSameTopicStoryIsNot() {
        StorySignature a = signer.sign(STORY);
        assertThat(signer.isDuplicate(a, signer.sign(COPY))).isTrue();
        assertThat(signer.isDuplicate(a, signer.sign(OTHER))).isFalse();
        assertThat(signer.similarity(a, signer.sign(STORY))).isEqualTo(1.0);
    }

    @Test
    void signaturesAreDeterministicAndShareBandKeysWhenSimilar() {
        StorySignature a = signer.sign(STORY);
        StorySignature again = StorySigner.create().sign(STORY);
        assertThat(again).isEqualTo(a);
        assertThat(again.bandKeys()).isEqualTo(a.bandKeys());
        assertThat(a.bandKeys()).hasSize(StorySigner.DEFAULT_HASHES / StorySigner.DEFAULT_ROWS_PER_BAND);
        assertThat(a.bandKeys()).containsAnyElementsOf(signer.sign(COPY).bandKeys());
    }

    @Test
    void caseAccentsAndPunctuationDoNotMatter() {
        assertThat(signer.similarity(
                        signer.sign("Électricité : la facture augmente encore, annonce le gouvernement"),
                        signer.sign("electricite la FACTURE augmente encore annonce le gouvernement")))
                .isEqualTo(1.0);
    }

    @Test
    void tooShortTextsAreNotComparable() {
        StorySignature thanks = signer.sign("Thanks!");
        assertThat(thanks.isComparable()).isFalse();
        assertThat(signer.isDuplicate(thanks, signer.sign("Thanks!"))).isFalse();
        assertThat(signer.sign(null).minHashes()).isEmpty();
        assertThat(signer.similarity(signer.sign(""), signer.sign(STORY))).isZero();
    }

    @Test
    void clustererGivesEarliestIdWhateverTheArrivalOrder() {
        List<StoryClusterer.Item> items = List.of(
                new StoryClusterer.Item("copy", 2_000, signer.sign(COPY)),
                new StoryClusterer.Item("other", 1_500, signer.sign(OTHER)),
                new StoryClusterer.Item("first", 1_000, signer.sign(STORY)));
        List<StoryClusterer.Assignment> out = new StoryClusterer(signer).assign(items);
        assertThat(out).extracting(StoryClusterer.Assignment::id).containsExactly("first", "other", "copy");
        assertThat(out).extracting(StoryClusterer.Assignment::storyId).containsExactly("first", "other", "first");
        assertThat(out.get(2).duplicateOf()).isEqualTo("first");
        List<StoryClusterer.Assignment> reversed =
                new StoryClusterer(signer).assign(List.of(items.get(2), items.get(1), items.get(0)));
        assertThat(reversed).isEqualTo(out);
    }

    @Test
    void storedSignatureComesBackEqualWithItsBandKeys() {
        StorySignature a = signer.sign(STORY);
        byte[] stored = a.toBytes();
        assertThat(stored).hasSize(4 + 8 * StorySigner.DEFAULT_HASHES);
        StorySignature back = StorySigner.create().fromBytes(stored);
        assertThat(back).isEqualTo(a);
        assertThat(back.bandKeys()).isEqualTo(a.bandKeys());
        assertThat(back.shingleCount()).isEqualTo(a.shingleCount());
        assertThat(signer.similarity(back, signer.sign(COPY))).isEqualTo(signer.similarity(a, signer.sign(COPY)));
        StorySignature thanks = signer.fromBytes(signer.sign("Thanks!").toBytes());
        assertThat(thanks.isComparable()).isFalse();
        assertThat(signer.fromBytes(signer.sign("").toBytes()).minHashes()).isEmpty();
    }

    @Test
    void storedSignatureOfAnotherSignerOrTruncatedIsRefused() {
        byte[] shorter = StorySigner.builder().hashes(64).build().sign(STORY).toBytes();
        assertThatThrownBy(() -> signer.fromBytes(shorter))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected 128 values");
        byte[] cut = java.util.Arrays.copyOf(signer.sign(STORY).toBytes(), 100);
        assertThatThrownBy(() -> signer.fromBytes(cut)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> signer.fromBytes(new byte[2])).hasMessageContaining("truncated");
        assertThatThrownBy(() -> signer.fromBytes(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void builderRefusesBadSettings() {
        assertThatThrownBy(() -> StorySigner.builder().shingleSize(0)).hasMessageContaining("0");
        assertThatThrownBy(() -> StorySigner.builder().shingleSize(6)).hasMessageContaining("6");
        assertThatThrownBy(() -> StorySigner.builder().hashes(8)).hasMessageContaining("8");
        assertThatThrownBy(() -> StorySigner.builder().rowsPerBand(0)).hasMessageContaining("0");
        assertThatThrownBy(() -> StorySigner.builder().threshold(0)).hasMessageContaining("0");
        assertThatThrownBy(() -> StorySigner.builder().threshold(1.2)).hasMessageContaining("1.2");
        assertThatThrownBy(() -> StorySigner.builder().minShingles(0)).hasMessageContaining("0");
        assertThatThrownBy(
                        () -> StorySigner.builder().hashes(100).rowsPerBand(3).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("divide");
        assertThatThrownBy(() -> new StoryClusterer(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StoryClusterer.Item(" ", 0, signer.sign(STORY)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
