package dev.vigie.nlp.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainedSentimentModelTest {

    @TempDir
    Path dir;

    /** A domain where the words mean what no general lexicon says: "rouge" is bad news, "vert" good news. */
    private static List<LabelledText> domain() {
        List<LabelledText> out = new ArrayList<>();
        String[] things = {"indicateur", "tableau de bord", "voyant", "compteur", "signal"};
        for (String t : things) {
            out.add(new LabelledText("le " + t + " passe au rouge", SentimentLabel.NEGATIVE));
            out.add(new LabelledText("encore du rouge sur le " + t, SentimentLabel.NEGATIVE));
            out.add(new LabelledText("le " + t + " repasse au vert", SentimentLabel.POSITIVE));
            out.add(new LabelledText("tout est vert sur le " + t, SentimentLabel.POSITIVE));
            out.add(new LabelledText("le " + t + " est mis à jour chaque lundi", SentimentLabel.NEUTRAL));
            out.add(new LabelledText("nouvelle mise à jour du " + t, SentimentLabel.NEUTRAL));
        }
        return out;
    }

    @Test
    void learnsTheVocabularyOfTheAnalystsDomain() {
        TrainedSentimentModel model = TrainedSentimentModel.train(domain(), TrainedSentimentModel.Settings.DEFAULT);
        assertThat(model.score("la jauge passe au rouge").label()).isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(model.score("la jauge repasse au vert").label()).isEqualTo(SentimentLabel.POSITIVE);
        assertThat(model.score("la jauge repasse au vert").method()).isEqualTo(Sentiment.Method.TRAINED_MODEL);
        assertThat(model.labels()).containsExactlyInAnyOrder(SentimentLabel.values());
    }

    @Test
    void aSavedModelAnswersTheSameAfterLoading() throws IOException {
        TrainedSentimentModel model = TrainedSentimentModel.train(domain(), TrainedSentimentModel.Settings.DEFAULT);
        Path file = dir.resolve("models/acme-fr.model");
        model.save(file);
        TrainedSentimentModel loaded = TrainedSentimentModel.load(file);
        for (String text : List.of("la jauge passe au rouge", "tout est vert", "mise à jour")) {
            assertThat(loaded.score(text)).isEqualTo(model.score(text));
        }
    }

    @Test
    void refusesTrainingOnASingleLabelAndLoadingAFileThatIsNoModel() throws IOException {
        List<LabelledText> one = List.of(
                new LabelledText("bien", SentimentLabel.POSITIVE), new LabelledText("top", SentimentLabel.POSITIVE));
        assertThatThrownBy(() -> TrainedSentimentModel.train(one, TrainedSentimentModel.Settings.DEFAULT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("POSITIVE");
        Path notAModel = Files.writeString(dir.resolve("notes.txt"), "hello");
        assertThatThrownBy(() -> TrainedSentimentModel.load(notAModel))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("notes.txt");
    }

    @Test
    void settingsRefuseBadValuesNamingThem() {
        assertThatThrownBy(() -> new TrainedSentimentModel.Settings(0, 0.5, 0, 1))
                .hasMessageContaining("epochs")
                .hasMessageContaining("0");
        assertThatThrownBy(() -> new TrainedSentimentModel.Settings(5, -1, 0, 1))
                .hasMessageContaining("-1");
        assertThatThrownBy(() -> new TrainedSentimentModel.Settings(5, 0.5, -0.1, 1))
                .hasMessageContaining("-0.1");
        assertThatThrownBy(() -> new LabelledText(" ", SentimentLabel.NEUTRAL))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aModelTrainedFromAFileIsWhatTheAnalyzerLoads() throws IOException {
        Path tsv = dir.resolve("labels.tsv");
        StringBuilder sb = new StringBuilder();
        domain().forEach(e ->
                sb.append(e.label().id()).append('\t').append(e.text()).append('\n'));
        Files.writeString(tsv, sb.toString(), StandardCharsets.UTF_8);
        Path model = dir.resolve("fr.model");
        Train.Content content = Train.read(tsv, Train.Columns.LABEL_TEXT, java.util.Map.of());
        Train.fit(content.examples(), new TrainedSentimentModel.Settings(10, 0.5, 1e-6, 42L))
                .save(model);
        SentimentAnalyzer analyzer = SentimentAnalyzer.builder()
                .coreNlpUse(EnglishSentimentScorer.CoreNlpUse.NEVER)
                .trainedModel("fr", model)
                .build();
        Sentiment s = analyzer.analyze("le compteur passe au rouge", "fr");
        assertThat(s.method()).isEqualTo(Sentiment.Method.TRAINED_MODEL);
        assertThat(s.label()).isEqualTo(SentimentLabel.NEGATIVE);
    }
}
