package dev.vigie.nlp.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnglishSocialModelTest {

    private static final LexiconScorer LEXICON = LexiconScorer.english();

    @TempDir
    Path dir;

    @Test
    void theShippedModelReadsSocialPostsAndAnnouncementsAsAPersonWould() {
        EnglishSocialModel model = EnglishSocialModel.shipped();
        assertThat(model.sentiment(EnglishSocialModel.Example.read("Loving the new update, great job @user!", LEXICON))
                        .label())
                .isEqualTo(SentimentLabel.POSITIVE);
        assertThat(model.sentiment(EnglishSocialModel.Example.read(
                                "My flight got cancelled again, worst airline ever", LEXICON))
                        .label())
                .isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(model.sentiment(EnglishSocialModel.Example.read(
                                "The company released version 2.3 of its app today.", LEXICON))
                        .label())
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
        EnglishSocialModel.Settings settings = new EnglishSocialModel.Settings(
                12, new dev.vigie.nlp.internal.linear.LinearModel.Settings(10, 0.1, 1e-6, 42L));
        EnglishSocialModel model = EnglishSocialModel.fit(examples, labels, new double[] {0, 0.3, 0}, settings)
                .rounded();
        EnglishSocialModel.Example probe =
                EnglishSocialModel.Example.read("My new speaker is brilliant, I love it", LEXICON);
        assertThat(model.sentiment(probe).label()).isEqualTo(SentimentLabel.POSITIVE);
        Path file = dir.resolve("en.model");
        model.save(file);
        EnglishSocialModel read = EnglishSocialModel.load(file);
        assertThat(read.probabilities(probe)).containsExactly(model.probabilities(probe));
        assertThat(read.offsets()).containsExactly(0, 0.3, 0);
        Path other = Files.writeString(dir.resolve("notes.txt"), "not a model");
        assertThatThrownBy(() -> EnglishSocialModel.load(other))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("notes.txt");
    }

    @Test
    void aStrongLexiconReadingIsKeptUnlessTheModelIsConfidentAndTheGuardIsSavedWithTheModel() throws IOException {
        List<EnglishSocialModel.Example> examples = new ArrayList<>();
        List<SentimentLabel> labels = new ArrayList<>();
        for (String t : new String[] {"phone", "laptop", "camera", "headset"}) {
            add(examples, labels, "I love my new " + t + ", it is brilliant", SentimentLabel.POSITIVE);
            add(examples, labels, "This " + t + " is awful, it broke after a day", SentimentLabel.NEGATIVE);
            add(examples, labels, "The " + t + " ships in March in three colours", SentimentLabel.NEUTRAL);
        }
        EnglishSocialModel.Settings settings = new EnglishSocialModel.Settings(
                12, new dev.vigie.nlp.internal.linear.LinearModel.Settings(10, 0.1, 1e-6, 42L));
        // offsets that make the model answer neutral almost always: the guard is what brings the strong readings back
        EnglishSocialModel model = EnglishSocialModel.fit(examples, labels, new double[] {0, 8, 0}, settings)
                .rounded();
        EnglishSocialModel.Example strong = EnglishSocialModel.Example.read("Best day EVER!!! So happy :D", LEXICON);
        EnglishSocialModel.Example strongNegative =
                EnglishSocialModel.Example.read("Worst service ever, I hate it :(", LEXICON);
        EnglishSocialModel.Example mild = EnglishSocialModel.Example.read("The shop opens at nine", LEXICON);
        assertThat(strong.lexicon().compound()).isGreaterThan(0.5);
        assertThat(strongNegative.lexicon().compound()).isLessThan(-0.5);
        assertThat(model.sentiment(strong).label()).isEqualTo(SentimentLabel.NEUTRAL);

        EnglishSocialModel guarded = model.withGuard(new EnglishSocialModel.LexiconGuard(0.5, 9));
        assertThat(guarded.sentiment(strong).label()).isEqualTo(SentimentLabel.POSITIVE);
        assertThat(guarded.sentiment(strongNegative).label()).isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(guarded.sentiment(mild).label()).isEqualTo(SentimentLabel.NEUTRAL);
        // a guard weaker than the model's confidence leaves its answer alone
        assertThat(model.withGuard(new EnglishSocialModel.LexiconGuard(0.5, 0.5))
                        .sentiment(strong)
                        .label())
                .isEqualTo(SentimentLabel.NEUTRAL);

        Path file = dir.resolve("guarded.model");
        guarded.save(file);
        assertThat(EnglishSocialModel.load(file).guard()).isEqualTo(new EnglishSocialModel.LexiconGuard(0.5, 9));
        assertThatThrownBy(() -> new EnglishSocialModel.LexiconGuard(0, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theShippedModelKeepsEmoticonAndIntensifierLadenPostsOnTheLexiconsSide() {
        EnglishSocialModel model = EnglishSocialModel.shipped();
        assertThat(model.guard().bonus()).isGreaterThan(0);
        assertThat(model.sentiment(EnglishSocialModel.Example.read("Can't wait for the weekend!!! :D", LEXICON))
                        .label())
                .isEqualTo(SentimentLabel.POSITIVE);
        assertThat(model.sentiment(EnglishSocialModel.Example.read(
                                "Ugh, the train is late AGAIN, so annoying :(", LEXICON))
                        .label())
                .isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(model.sentiment(EnglishSocialModel.Example.read(
                                "Going to the dentist tomorrow, wish me luck :)", LEXICON))
                        .label())
                .isEqualTo(SentimentLabel.POSITIVE);
    }

    @Test
    void theRatedSnippetMarkerIsATrainingFeatureOnly() {
        EnglishSocialModel.Example post = EnglishSocialModel.Example.read("The service was slow", LEXICON);
        EnglishSocialModel.Example rated =
                new EnglishSocialModel.Example(post.text(), post.lexicon(), post.embedding(), true);
        assertThat(EnglishSocialModel.shipped().probabilities(rated))
                .containsExactly(EnglishSocialModel.shipped().probabilities(post));
    }

    private static void add(
            List<EnglishSocialModel.Example> examples, List<SentimentLabel> labels, String text, SentimentLabel label) {
        examples.add(EnglishSocialModel.Example.read(text, LEXICON));
        labels.add(label);
    }
}
