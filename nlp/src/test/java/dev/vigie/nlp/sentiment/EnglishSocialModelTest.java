package dev.vigie.nlp.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigie.nlp.internal.embed.SentenceEncoder;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.zip.GZIPOutputStream;
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

    @Test
    void aSureFirstStageAnswersWithoutTheEncoderAndAnUnsureOneAsksIt() {
        List<EnglishSocialModel.Example> examples = new ArrayList<>();
        List<SentimentLabel> labels = new ArrayList<>();
        trainingSet(examples, labels);
        EnglishSocialModel.Settings settings = smallSettings();
        EnglishSocialModel model = EnglishSocialModel.fit(examples, labels, new double[3], settings)
                .rounded();
        EnglishSocialModel.FirstStage first =
                EnglishSocialModel.FirstStage.fit(examples, labels, settings).rounded();
        AtomicInteger calls = new AtomicInteger();
        Function<String, float[]> encoder = text -> {
            calls.incrementAndGet();
            return SentenceEncoder.shared().embed(text);
        };
        String post = "I love my new phone, it is brilliant";
        LexiconScorer.Reading reading = LEXICON.read(post);
        assertThat(first.probabilities(post, reading)[SentimentLabel.POSITIVE.ordinal()])
                .isGreaterThan(0.6);

        // sure (the probability of its answer is above the threshold) and the lexicon agrees: no embedding
        EnglishSocialModel cascade = model.withFirstStage(first.withThreshold(0.6));
        Sentiment sure = cascade.sentiment(post, reading, encoder);
        assertThat(sure.label()).isEqualTo(SentimentLabel.POSITIVE);
        assertThat(calls).hasValue(0);

        // unsure: the text is embedded once and the whole model answers, exactly as without a first stage
        Sentiment unsure = model.withFirstStage(first.withThreshold(1)).sentiment(post, reading, encoder);
        assertThat(calls).hasValue(1);
        assertThat(unsure)
                .isEqualTo(model.sentiment(new EnglishSocialModel.Example(
                        post, reading, SentenceEncoder.shared().embed(post), false)));

        // no first stage: every text is embedded
        model.sentiment(post, reading, encoder);
        assertThat(calls).hasValue(2);
    }

    @Test
    void theFirstStageAnswersAloneOnlyWhenSureOfAPolarClassTheLexiconReadsTheSameWay() {
        double[] positive = {0.05, 0.05, 0.9};
        double[] neutral = {0.05, 0.9, 0.05};
        double[] none = new double[3];
        LexiconScorer.Reading flat = LEXICON.read("The shop opens at nine");
        LexiconScorer.Reading glowing = LEXICON.read("Brilliant, I love it!");
        LexiconScorer.Reading harsh = LEXICON.read("Awful, I hate it!");
        assertThat(SentimentLabel.ofScore(flat.compound(), LexiconScorer.DEFAULT_THRESHOLD))
                .isEqualTo(SentimentLabel.NEUTRAL);
        assertThat(EnglishSocialModel.FirstStage.answer(
                        positive, none, EnglishSocialModel.LexiconGuard.NONE, glowing, 0.8))
                .isEqualTo(SentimentLabel.POSITIVE.ordinal());
        // the lexicon reads it the other way: the whole model decides
        assertThat(EnglishSocialModel.FirstStage.answer(
                        positive, none, EnglishSocialModel.LexiconGuard.NONE, harsh, 0.8))
                .isEqualTo(-1);
        // neutral, however sure and whatever the lexicon says: a text without opinion words may still complain
        // ("the battery dies by noon"), which the sentence embedding reads
        assertThat(EnglishSocialModel.FirstStage.answer(neutral, none, EnglishSocialModel.LexiconGuard.NONE, flat, 0.8))
                .isEqualTo(-1);
        // not sure enough
        assertThat(EnglishSocialModel.FirstStage.answer(
                        positive, none, EnglishSocialModel.LexiconGuard.NONE, glowing, 0.95))
                .isEqualTo(-1);
        // offsets move the answer away from the most probable class: its own probability is what must be high
        assertThat(EnglishSocialModel.FirstStage.answer(
                        new double[] {0.3, 0.1, 0.6},
                        new double[] {2, 0, 0},
                        EnglishSocialModel.LexiconGuard.NONE,
                        harsh,
                        0.5))
                .isEqualTo(-1);
    }

    @Test
    void theFirstStageIsSavedWithTheModelAndAnOlderFormatIsRefusedNamingIt() throws IOException {
        List<EnglishSocialModel.Example> examples = new ArrayList<>();
        List<SentimentLabel> labels = new ArrayList<>();
        trainingSet(examples, labels);
        EnglishSocialModel.Settings settings = smallSettings();
        EnglishSocialModel model = EnglishSocialModel.fit(examples, labels, new double[] {0, 0.3, 0}, settings)
                .withFirstStage(EnglishSocialModel.FirstStage.fit(examples, labels, settings)
                        .withOffsets(new double[] {0.1, -0.5, 0})
                        .withThreshold(0.77))
                .rounded();
        Path file = dir.resolve("cascade.model");
        model.save(file);
        EnglishSocialModel read = EnglishSocialModel.load(file);
        assertThat(read.firstStage().threshold()).isEqualTo(0.77);
        assertThat(read.firstStage().offsets()).containsExactly(0.1, -0.5, 0);
        String post = "This tablet is awful, I want my money back";
        LexiconScorer.Reading reading = LEXICON.read(post);
        assertThat(read.firstStage().probabilities(post, reading))
                .containsExactly(model.firstStage().probabilities(post, reading));
        Function<String, float[]> encoder = text -> SentenceEncoder.shared().embed(text);
        assertThat(read.sentiment(post, reading, encoder)).isEqualTo(model.sentiment(post, reading, encoder));

        Path plain = dir.resolve("plain.model");
        model.withFirstStage(null).save(plain);
        assertThat(EnglishSocialModel.load(plain).firstStage()).isNull();

        Path older = dir.resolve("older.model");
        try (OutputStream raw = Files.newOutputStream(older);
                DataOutputStream out = new DataOutputStream(new GZIPOutputStream(raw))) {
            out.writeInt(0x56475343);
            out.writeInt(2);
        }
        assertThatThrownBy(() -> EnglishSocialModel.load(older))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("format 2")
                .hasMessageContaining("older.model")
                .hasMessageContaining("reads format 3");
        assertThatThrownBy(() -> model.firstStage().withThreshold(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> model.firstStage().withThreshold(1.01)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theShippedModelAnswersClearPostsRightWithOrWithoutTheEncoder() {
        EnglishSocialModel model = EnglishSocialModel.shipped();
        assertThat(model.firstStage()).isNotNull();
        // above a third: the first stage answers alone only with a class it gives more than any class could share
        assertThat(model.firstStage().threshold()).isBetween(0.34, 1.0);
        AtomicInteger calls = new AtomicInteger();
        Function<String, float[]> encoder = text -> {
            calls.incrementAndGet();
            return SentenceEncoder.shared().embed(text);
        };
        String[][] posts = {
            {"I love this so much, best day ever! Thank you all :)", "positive"},
            {"Absolutely love the new album, amazing work", "positive"},
            {"This is the worst service ever, I hate it", "negative"},
            {"Terrible, awful experience. Never again.", "negative"},
            {"The company released version 2.3 of its app today.", "neutral"},
            {"The meeting has been moved to room 4B at 3pm.", "neutral"}
        };
        for (String[] post : posts) {
            assertThat(model.sentiment(post[0], LEXICON.read(post[0]), encoder)
                            .label()
                            .id())
                    .as(post[0])
                    .isEqualTo(post[1]);
        }
        assertThat(calls.get()).as("posts embedded").isLessThan(posts.length);
    }

    private static void trainingSet(List<EnglishSocialModel.Example> examples, List<SentimentLabel> labels) {
        for (String t : new String[] {"phone", "laptop", "camera", "headset", "tablet", "watch"}) {
            add(examples, labels, "I love my new " + t + ", it is brilliant", SentimentLabel.POSITIVE);
            add(examples, labels, "This " + t + " is awful, it broke after a day", SentimentLabel.NEGATIVE);
            add(examples, labels, "The " + t + " ships in March in three colours", SentimentLabel.NEUTRAL);
        }
    }

    private static EnglishSocialModel.Settings smallSettings() {
        return new EnglishSocialModel.Settings(
                12, new dev.vigie.nlp.internal.linear.LinearModel.Settings(10, 0.1, 1e-6, 42L));
    }

    private static void add(
            List<EnglishSocialModel.Example> examples, List<SentimentLabel> labels, String text, SentimentLabel label) {
        examples.add(EnglishSocialModel.Example.read(text, LEXICON));
        labels.add(label);
    }
}
