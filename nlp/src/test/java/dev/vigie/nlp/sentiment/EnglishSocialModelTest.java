package dev.vigie.nlp.sentiment;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EnglishSocialModelTest {

    private static final LexiconScorer LEXICON = LexiconScorer.english();

    @TempDir
    Path dir;

    @Test
    void theShippedModelReadsSocialPostsAndAnnouncementsAsAPersonWould() {
        EnglishSocialModel model = EnglishSocialModel.shipped();
        assertThat(model.sentiment(EnglishSocialModel.Example.read("Loving the new update, great job @user!", LEXICON)).label())
                .isEqualTo(SentimentLabel.POSITIVE);
        assertThat(model.sentiment(EnglishSocialModel.Example.read("My flight got cancelled again, worst airline ever", LEXICON)).label())
                .isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(model.sentiment(EnglishSocialModel.Example.read("The company released version 2.3 of its app today.", LEXICON)).label())
                .isEqualTo(SentimentLabel.NEUTRAL);
    }

    @Test
    void aSavedModelReadsBackWithTheSameAnswersAndAnotherFileIsRefused() throws IOException {
        List<EnglishSocialModel.Example> examples = new ArrayList<>();
        List<SentimentLabel> labels = new ArrayList<>();
        String[] things = {"phone", "laptop", "camera", "headset", "tablet", "watch"};
        for (String t : things) {
            add(examples, labels, "I love my new " + t + ", it is brilliant", SentimentLabel.POSITIVE);
            add(examples, labels, "This " + t + " is awful, it broke after a day", SentimentLabel.NEGATIVE);
            add(examples, labels, "The " + t + " ships in March in three colours", SentimentLabel.NEUTRAL);
        }
        EnglishSocialModel.Settings settings = new EnglishSocialModel.Settings(12,
                new dev.vigie.nlp.internal.linear.LinearModel.Settings(10, 0.1, 1e-6, 42L));
        EnglishSocialModel model = EnglishSocialModel.fit(examples, labels, new double[] {0, 0.3, 0}, settings).rounded();
        EnglishSocialModel.Example probe = EnglishSocialModel.Example.read("My new speaker is brilliant, I love it", LEXICON);
        assertThat(model.sentiment(probe).label()).isEqualTo(SentimentLabel.POSITIVE);
        Path file = dir.resolve("en.model");
        model.save(file);
        EnglishSocialModel read = EnglishSocialModel.load(file);
        assertThat(read.probabilities(probe)).containsExactly(model.probabilities(probe));
        assertThat(read.offsets()).containsExactly(0, 0.3, 0);
        Path other = Files.writeString(dir.resolve("notes.txt"), "not a model");
        assertThatThrownBy(() -> EnglishSocialModel.load(other)).isInstanceOf(IOException.class).hasMessageContaining("notes.txt");
    }

    @Test
    void theRatedSnippetMarkerIsATrainingFeatureOnly() {
        EnglishSocialModel.Example post = EnglishSocialModel.Example.read("The service was slow", LEXICON);
        EnglishSocialModel.Example rated = new EnglishSocialModel.Example(post.text(), post.lexicon(), post.embedding(), true);
        assertThat(EnglishSocialModel.shipped().probabilities(rated)).containsExactly(EnglishSocialModel.shipped().probabilities(post));
    }

    private static void add(List<EnglishSocialModel.Example> examples, List<SentimentLabel> labels, String text, SentimentLabel label) {
        examples.add(EnglishSocialModel.Example.read(text, LEXICON));
        labels.add(label);
    }
}
