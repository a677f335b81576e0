package dev.vigie.nlp.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StoryClustererTest {

    private static final String STORY = "Oil prices rose on Tuesday after OPEC members agreed to cut production by two"
            + " million barrels a day, the largest reduction since the start of the pandemic, traders said.";
    private static final String COPY = "PARIS (Reuters) - OIL PRICES ROSE on Tuesday after OPEC members agreed to cut"
            + " production by two million barrels a day, the largest reduction since the start of the pandemic, traders"
            + " said. Read more at news.example.com.";
    private static final String OTHER = "Oil prices fell on Friday as traders worried that rising interest rates"
            + " would slow demand, while OPEC said production would stay unchanged for the rest of the year.";

    private final StorySigner signer = StorySigner.create();

    @Test
    void copyJoinsTheStoryOfADocumentOfAnEarlierRun() {
        StoryClusterer clusterer = new StoryClusterer(signer);
        clusterer.remember(new StoryClusterer.Earlier("monday-copy", "monday-story", 1_000, signer.sign(STORY)));
        List<StoryClusterer.Assignment> out = clusterer.assign(List.of(
                new StoryClusterer.Item("tuesday-copy", 5_000, signer.sign(COPY)),
                new StoryClusterer.Item("tuesday-other", 6_000, signer.sign(OTHER))));
        assertThat(out.get(0).storyId()).isEqualTo("monday-story");
        assertThat(out.get(0).duplicateOf()).isEqualTo("monday-copy");
        assertThat(out.get(0).similarity()).isGreaterThanOrEqualTo(signer.threshold());
        assertThat(out.get(1).storyId()).isEqualTo("tuesday-other");
        assertThat(out.get(1).duplicateOf()).isNull();
    }

    @Test
    void lateCopyPublishedBeforeAnIndexedOneStillJoinsItsStory() {
        StoryClusterer clusterer = new StoryClusterer(signer);
        clusterer.remember(new StoryClusterer.Earlier("indexed", "indexed", 9_000, signer.sign(COPY)));
        StoryClusterer.Assignment late = clusterer
                .assign(List.of(new StoryClusterer.Item("late", 1_000, signer.sign(STORY))))
                .get(0);
        assertThat(late.storyId()).isEqualTo("indexed");
        assertThat(late.duplicateOf()).isEqualTo("indexed");
    }

    @Test
    void documentWhoseCopyWasIndexedUnderItsStoryStaysTheStart() {
        // a killed run indexed the copy (story = the original's id) but not the original: the rerun keeps that story
        StoryClusterer clusterer = new StoryClusterer(signer);
        clusterer.remember(new StoryClusterer.Earlier("copy", "original", 2_000, signer.sign(COPY)));
        StoryClusterer.Assignment original = clusterer
                .assign(List.of(new StoryClusterer.Item("original", 1_000, signer.sign(STORY))))
                .get(0);
        assertThat(original).isEqualTo(new StoryClusterer.Assignment("original", "original", null, 0));
    }

    @Test
    void aStoryCarriedEverywhereCostsEachNewCopyABoundedNumberOfComparisons() {
        List<StoryClusterer.Item> items = copies(1_200);
        StoryClusterer bounded = new StoryClusterer(signer);
        StoryClusterer exhaustive = new StoryClusterer(signer, StoryClusterer.EVERY_MEMBER);
        List<StoryClusterer.Assignment> fast = bounded.assign(items);
        List<StoryClusterer.Assignment> slow = exhaustive.assign(items);

        assertThat(fast).extracting(StoryClusterer.Assignment::storyId).containsOnly("c0000");
        assertThat(slow).extracting(StoryClusterer.Assignment::storyId).containsOnly("c0000");
        assertThat(exhaustive.comparisons()).isEqualTo(1_200L * 1_199 / 2);
        StoryClusterer half = new StoryClusterer(signer);
        half.assign(copies(600));
        // linear in the size of the story: twice the copies, about twice the comparisons (not four times)
        assertThat(bounded.comparisons()).isLessThan(half.comparisons() * 5 / 2);
        assertThat(bounded.comparisons()).isLessThan(exhaustive.comparisons() / 20);
    }

    /** An original and copies of it, each from another outlet. */
    private List<StoryClusterer.Item> copies(int n) {
        List<StoryClusterer.Item> items = new ArrayList<>();
        items.add(new StoryClusterer.Item("c0000", 0, signer.sign(STORY)));
        for (int i = 1; i < n; i++) {
            items.add(new StoryClusterer.Item(
                    String.format("c%04d", i), i, signer.sign(COPY + " Outlet " + i + " carried it.")));
        }
        return items;
    }

    @Test
    void boundedAndExhaustiveAgreeOnSmallStories() {
        List<StoryClusterer.Item> items = List.of(
                new StoryClusterer.Item("a", 1, signer.sign(STORY)),
                new StoryClusterer.Item("b", 2, signer.sign(COPY)),
                new StoryClusterer.Item("c", 3, signer.sign(OTHER)),
                new StoryClusterer.Item(
                        "d", 4, signer.sign("Breaking: " + OTHER + " Follow us on Twitter @newsdesk.")));
        assertThat(new StoryClusterer(signer, 1).assign(items))
                .isEqualTo(new StoryClusterer(signer, StoryClusterer.EVERY_MEMBER).assign(items))
                .extracting(StoryClusterer.Assignment::storyId)
                .containsExactly("a", "a", "c", "c");
    }

    @Test
    void refusesBadSettingsAndDocumentsGivenTwice() {
        assertThatThrownBy(() -> new StoryClusterer(signer, 0)).hasMessageContaining("0");
        assertThatThrownBy(() -> new StoryClusterer.Earlier("id", " ", 0, signer.sign(STORY)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StoryClusterer.Earlier("id", "story", 0, null))
                .hasMessageContaining("id");
        StoryClusterer clusterer = new StoryClusterer(signer);
        clusterer.remember(new StoryClusterer.Earlier("x", "x", 0, signer.sign(STORY)));
        assertThatThrownBy(() -> clusterer.assign(List.of(new StoryClusterer.Item("x", 1, signer.sign(COPY)))))
                .hasMessageContaining("x");
        StoryClusterer fresh = new StoryClusterer(signer);
        StoryClusterer.Item y = new StoryClusterer.Item("y", 1, signer.sign(COPY));
        assertThatThrownBy(() -> fresh.assign(List.of(y, y))).hasMessageContaining("y");
    }
}
