package dev.vigie.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigie.jobs.watch.Watch;
import dev.vigie.jobs.watch.WatchLoader;
import dev.vigie.nlp.sentiment.Sentiment;
import dev.vigie.nlp.sentiment.SentimentAnalyzer;
import dev.vigie.nlp.sentiment.SentimentLabel;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @TempDir
    Path dir;

    private int vigie(String... args) {
        return Vigie.commandLine()
                .setOut(new PrintWriter(out))
                .setErr(new PrintWriter(err))
                .execute(args);
    }

    /** 60 short French posts of a made-up domain, three classes, as label TAB text. */
    private Path labelled(String negative, String neutral, String positive, boolean swapped) throws Exception {
        StringBuilder sb = new StringBuilder();
        String[] things = {
            "indicateur", "tableau", "voyant", "compteur", "signal", "cadran", "écran", "témoin", "jauge", "repère"
        };
        for (String t : things) {
            line(sb, negative, "le " + t + " passe au rouge", swapped);
            line(sb, negative, "encore du rouge sur le " + t, swapped);
            line(sb, positive, "le " + t + " repasse au vert", swapped);
            line(sb, positive, "tout est vert sur le " + t, swapped);
            line(sb, neutral, "le " + t + " est relevé chaque lundi", swapped);
            line(sb, neutral, "nouveau relevé du " + t, swapped);
        }
        return Files.writeString(dir.resolve("posts.tsv"), sb.toString(), StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder sb, String label, String text, boolean swapped) {
        sb.append(swapped ? text + "\t" + label : label + "\t" + text).append('\n');
    }

    @Test
    void trainsAModelAWatchFileUsesAndPrintsASummary() throws Exception {
        Path in = labelled("négatif", "neutre", "positif", false);
        Files.writeString(in, "oops no tab\n", StandardOpenOption.APPEND);
        Path model = dir.resolve("models").resolve("fr.model");
        int code = vigie("train", "--lang", "fr", "--in", in.toString(), "--out", model.toString(), "--epochs", "10");
        assertThat(code).as(err.toString()).isEqualTo(ExitCodes.OK);
        assertThat(out.toString())
                .contains("read 60 examples (20 negative, 20 neutral, 20 positive), skipped 1 lines")
                .contains("wrote the 'fr' sentiment model to " + model)
                .containsPattern("5-fold cross-validated macro-F1: (0\\.9\\d\\d|1\\.000)")
                .contains("sentiment:\n    models:\n      fr: " + model);
        assertThat(err.toString()).isEqualTo("skipped " + in + " line 61: no TAB between label and text\n");

        Path watchFile = Files.writeString(
                dir.resolve("w.yaml"),
                "watch: w\nbrand: { name: Acme }\n" + "sentiment:\n  models:\n    fr: " + model + "\n");
        Watch watch = new WatchLoader(Map.of()).load(watchFile);
        assertThat(watch.sentimentModels()).containsEntry("fr", model.toString());
        SentimentAnalyzer analyzer = SentimentAnalyzer.builder()
                .trainedModel("fr", Path.of(watch.sentimentModels().get("fr")))
                .build();
        Sentiment s = analyzer.analyze("la jauge passe au rouge", "fr");
        assertThat(s.method()).isEqualTo(Sentiment.Method.TRAINED_MODEL);
        assertThat(s.label()).isEqualTo(SentimentLabel.NEGATIVE);
    }

    @Test
    void numericLabelsAreRefusedWithoutAMappingAndReadWithOne() throws Exception {
        Path in = labelled("0", "1", "2", false);
        Path model = dir.resolve("fr.model");
        assertThat(vigie("train", "--lang", "fr", "--in", in.toString(), "--out", model.toString()))
                .isEqualTo(ExitCodes.FAILED);
        assertThat(err.toString())
                .hasLineCount(1)
                .contains("labels are numbers")
                .contains("--labels 0=negative,1=neutral,2=positive");
        assertThat(model).doesNotExist();
        assertThat(vigie(
                        "train",
                        "--lang",
                        "fr",
                        "--in",
                        in.toString(),
                        "--out",
                        model.toString(),
                        "--folds",
                        "0",
                        "--labels",
                        "0=negative,1=neutral,2=positive"))
                .isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("20 negative, 20 neutral, 20 positive");
        assertThat(model).exists();
    }

    @Test
    void swappedColumnsAreNamedInOneLine() throws Exception {
        Path in = labelled("negative", "neutral", "positive", true);
        assertThat(vigie(
                        "train",
                        "--lang",
                        "fr",
                        "--in",
                        in.toString(),
                        "--out",
                        dir.resolve("m").toString()))
                .isEqualTo(ExitCodes.FAILED);
        assertThat(err.toString())
                .hasLineCount(1)
                .contains("columns look swapped")
                .contains("--columns text,label");
    }

    @Test
    void aMissingFileAndABadOptionAreOneLineWithoutAStackTrace() {
        assertThat(vigie(
                        "train", "--lang", "fr", "--in", dir.resolve("nope.tsv").toString(), "--out", "m"))
                .isEqualTo(ExitCodes.FAILED);
        assertThat(err.toString()).isEqualTo("vigie train: no such file: " + dir.resolve("nope.tsv") + "\n");
        err.getBuffer().setLength(0);
        assertThat(vigie("train", "--lang", "fr", "--in", "x.tsv", "--out", "m", "--epochs", "abc"))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString())
                .contains("Invalid value for option '--epochs': 'abc' is not an int")
                .doesNotContain("Exception");
    }

    @Test
    void aWatchFileNamingAMissingModelIsRefused() throws Exception {
        Path watchFile = Files.writeString(
                dir.resolve("w.yaml"),
                "watch: w\nbrand: { name: Acme }\n" + "sentiment:\n  models:\n    fr: " + dir.resolve("none.model")
                        + "\n");
        assertThat(vigie("validate", "--watch", watchFile.toString())).isEqualTo(ExitCodes.INVALID_WATCH);
        assertThat(err.toString())
                .contains(":5: sentiment.models.fr: no model file at " + dir.resolve("none.model"))
                .contains("vigie train --lang fr");
    }
}
