package dev.vigie.nlp.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigie.nlp.sentiment.EnglishSentimentScorer.CoreNlpUse;
import dev.vigie.nlp.sentiment.LabelledText;
import dev.vigie.nlp.sentiment.SentimentAnalyzer;
import dev.vigie.nlp.sentiment.SentimentLabel;
import dev.vigie.nlp.sentiment.TrainedSentimentModel;
import dev.vigie.nlp.theme.Theme;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Models are loaded once per JVM and shared; a retrained model file is read again. */
class ModelRegistryTest {

    private static final String GAUGE = "Le voyant du tableau passe encore au rouge ce matin";
    private static final List<Theme> THEMES = List.of(
            new Theme("outage", "Pannes", List.of("le service est en panne depuis ce matin"), List.of("panne")),
            new Theme("product", "Produit", List.of("la nouvelle version apporte le mode sombre"), List.of("version")));

    @TempDir
    Path dir;

    @Test
    void twoEnrichersShareTheSameLoadedModels() throws IOException {
        try (Enricher first = Enricher.builder("acme")
                        .themes(ModelRegistry.themes(THEMES))
                        .build();
                Enricher second = Enricher.builder("globex")
                        .themes(ModelRegistry.themes(List.copyOf(THEMES)))
                        .build()) {
            assertThat(second.languages()).isSameAs(first.languages());
            assertThat(second.sentiment()).isSameAs(first.sentiment());
            assertThat(second.themes()).isSameAs(first.themes());
            assertThat(first.languages()).isSameAs(ModelRegistry.languages(List.of()));
            assertThat(second.enrich(new EnrichmentInput(
                                    "m1", null, "Encore une panne ce matin, le service est nul", null, null, null))
                            .themeIds())
                    .first()
                    .isEqualTo("outage");
        }
    }

    @Test
    void aDetectorIsSharedPerSetOfLanguages() {
        assertThat(ModelRegistry.languages(List.of("pl", "sv")))
                .isSameAs(ModelRegistry.languages(List.of(" SV", "pl", "fr")));
        assertThat(ModelRegistry.languages(List.of("pl", "sv"))).isNotSameAs(ModelRegistry.languages(List.of()));
        assertThat(ModelRegistry.languages(List.of("pl"))
                        .detect("Dzisiaj pociąg znowu się spóźnił, jak zawsze zresztą")
                        .language())
                .isEqualTo("pl");
        assertThat(ModelRegistry.languages(List.of()).languages()).doesNotContain("pl");
        assertThatThrownBy(() -> ModelRegistry.languages(List.of("xx")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("xx");
    }

    @Test
    void aTrainedModelIsReadOnceAndAgainWhenTheFileIsRetrained() throws IOException {
        Path file = dir.resolve("fr.model");
        train(SentimentLabel.NEGATIVE, SentimentLabel.POSITIVE).save(file);
        SentimentAnalyzer first = ModelRegistry.sentiment(CoreNlpUse.NEVER, Map.of("fr", file));
        assertThat(ModelRegistry.sentiment(
                        CoreNlpUse.NEVER, Map.of("fr", dir.resolve(".").resolve("fr.model"))))
                .isSameAs(first);
        assertThat(first.analyze(GAUGE, "fr").label()).isEqualTo(SentimentLabel.NEGATIVE);

        // the analyst retrains with the opposite reading of the colours, written over the same file a second later
        FileTime before = Files.getLastModifiedTime(file);
        train(SentimentLabel.POSITIVE, SentimentLabel.NEGATIVE).save(file);
        Files.setLastModifiedTime(file, FileTime.fromMillis(before.toMillis() + 1_000));
        SentimentAnalyzer retrained = ModelRegistry.sentiment(CoreNlpUse.NEVER, Map.of("fr", file));
        assertThat(retrained).isNotSameAs(first);
        assertThat(retrained.analyze(GAUGE, "fr").label()).isEqualTo(SentimentLabel.POSITIVE);
        assertThat(ModelRegistry.sentiment(CoreNlpUse.NEVER, Map.of("fr", file)))
                .isSameAs(retrained);
        // the built-in models stay shared whatever the trained files
        assertThat(retrained.analyze("What a great day, I love it", "en"))
                .isEqualTo(ModelRegistry.sentiment(CoreNlpUse.NEVER, Map.of())
                        .analyze("What a great day, I love it", "en"));
    }

    @Test
    void aMissingModelFileIsRefusedNamingIt() {
        Path missing = dir.resolve("missing.model");
        assertThatThrownBy(() -> ModelRegistry.sentiment(CoreNlpUse.NEVER, Map.of("fr", missing)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'fr'")
                .hasMessageContaining("missing.model");
    }

    /** "rouge" read as {@code red}, "vert" as {@code green}. */
    private static TrainedSentimentModel train(SentimentLabel red, SentimentLabel green) {
        List<LabelledText> examples = new ArrayList<>();
        for (String t : List.of("indicateur", "tableau", "voyant", "compteur", "signal", "cadran")) {
            examples.add(new LabelledText("le " + t + " passe au rouge", red));
            examples.add(new LabelledText("encore du rouge sur le " + t, red));
            examples.add(new LabelledText("le " + t + " repasse au vert", green));
            examples.add(new LabelledText("tout est vert sur le " + t, green));
            examples.add(new LabelledText("le " + t + " est relevé chaque lundi", SentimentLabel.NEUTRAL));
        }
        return TrainedSentimentModel.train(examples, TrainedSentimentModel.Settings.DEFAULT);
    }
}
