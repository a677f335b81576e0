package dev.vigie.jobs.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigie.nlp.sentiment.Sentiment;
import dev.vigie.nlp.sentiment.SentimentAnalyzer;
import dev.vigie.nlp.sentiment.SentimentLabel;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo trains its French model with {@code vigie train} and the analyzer reads French posts with it. */
class DemoModelTest {

    @Test
    void theDemoTrainsItsFrenchModelWithVigieTrainAndItReadsPostsItWasNotTrainedOn(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Path model = DemoModel.train(dir.resolve("models"), new PrintStream(bytes, true, StandardCharsets.UTF_8));

        String summary = bytes.toString(StandardCharsets.UTF_8);
        assertThat(summary)
                .contains("read 120 examples (40 negative, 40 neutral, 40 positive), skipped 0 lines")
                .contains("5-fold cross-validated macro-F1")
                .contains("fr: " + model);
        assertThat(Files.readString(dir.resolve("models").resolve(DemoModel.LABELLED)))
                .startsWith("positive\t");

        SentimentAnalyzer analyzer =
                SentimentAnalyzer.builder().trainedModel("fr", model).build();
        Sentiment outage = analyzer.analyze(
                "Appli en panne depuis ce matin, impossible de déverrouiller mon vélo, c'est nul", "fr");
        assertThat(outage.method()).isEqualTo(Sentiment.Method.TRAINED_MODEL);
        assertThat(outage.label()).isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(analyzer.analyze("Vélo livré en avance et parfaitement réglé, merci, je recommande !", "fr")
                        .label())
                .isEqualTo(SentimentLabel.POSITIVE);
        assertThat(analyzer.analyze("La boutique de Lyon ouvre à 10 h le samedi.", "fr")
                        .label())
                .isEqualTo(SentimentLabel.NEUTRAL);
    }
}
