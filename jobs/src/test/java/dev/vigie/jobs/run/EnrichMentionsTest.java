package dev.vigie.jobs.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigie.connectors.mention.Mention;
import dev.vigie.connectors.mention.Source;
import dev.vigie.connectors.mention.SourceType;
import dev.vigie.jobs.watch.AlertRuleSpec;
import dev.vigie.jobs.watch.Brand;
import dev.vigie.jobs.watch.Frequency;
import dev.vigie.jobs.watch.SentimentFilter;
import dev.vigie.jobs.watch.Watch;
import dev.vigie.nlp.lang.LanguageDetector;
import dev.vigie.nlp.sentiment.EnglishSentimentScorer;
import dev.vigie.nlp.sentiment.LabelledText;
import dev.vigie.nlp.sentiment.SentimentLabel;
import dev.vigie.nlp.sentiment.TrainedSentimentModel;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The run's enrichment step with real models: each watch's language detection knows the languages it lists. */
class EnrichMentionsTest {

    private static final String POLISH = "Dzisiaj pociąg znowu się spóźnił, jak zawsze zresztą";
    private static final String SWEDISH = "Tåget var försenat igen i morse, som vanligt";
    private static final String GERMAN = "Der Zug hatte heute wieder Verspätung, wie immer";
    private static final String SPANISH = "El tren llegó tarde otra vez esta mañana, como siempre";

    private static EnrichMentions enrich;
    private static final String GAUGE = "Le voyant du tableau passe encore au rouge ce matin";

    @BeforeAll
    static void open() throws java.io.IOException {
        Brand acme = new Brand("Acme", List.of());
        // an analyst's model of a made-up domain where "rouge" is bad news and "vert" good news
        List<LabelledText> examples = new java.util.ArrayList<>();
        for (String t : List.of("indicateur", "tableau", "voyant", "compteur", "signal", "cadran")) {
            examples.add(new LabelledText("le " + t + " passe au rouge", SentimentLabel.NEGATIVE));
            examples.add(new LabelledText("encore du rouge sur le " + t, SentimentLabel.NEGATIVE));
            examples.add(new LabelledText("le " + t + " repasse au vert", SentimentLabel.POSITIVE));
            examples.add(new LabelledText("tout est vert sur le " + t, SentimentLabel.POSITIVE));
            examples.add(new LabelledText("le " + t + " est relevé chaque lundi", SentimentLabel.NEUTRAL));
        }
        java.nio.file.Path model = java.nio.file.Files.createTempFile("vigie-fr", ".model");
        model.toFile().deleteOnExit();
        TrainedSentimentModel.train(examples, TrainedSentimentModel.Settings.DEFAULT)
                .save(model);
        Watch custom = Watch.builder("custom", acme)
                .sentimentModel("fr", model.toString())
                .build();
        Watch nordic =
                Watch.builder("nordic", acme).languages(List.of("pl", "sv")).build();
        Watch iberia = Watch.builder("iberia", acme)
                .alert(new AlertRuleSpec(
                        "crisis", "acme", List.of("es", "de"), SentimentFilter.ANY, List.of(), Frequency.RUN))
                .build();
        Watch plain = Watch.builder("plain", acme).build();
        watches = List.of(nordic, iberia, plain, custom);
        enrich = new EnrichMentions("enrich-test", watches, EnglishSentimentScorer.CoreNlpUse.NEVER);
        enrich.open(null);
    }

    private static List<Watch> watches;

    @Test
    void aSecondRunInTheSameJvmUsesTheModelsAlreadyLoaded() throws java.io.IOException {
        EnrichMentions next = new EnrichMentions("enrich-test-2", watches, EnglishSentimentScorer.CoreNlpUse.NEVER);
        next.open(null);
        try {
            for (String watch : List.of("nordic", "iberia", "plain", "custom")) {
                assertThat(next.enricher(watch).languages())
                        .isSameAs(enrich.enricher(watch).languages());
                assertThat(next.enricher(watch).sentiment())
                        .isSameAs(enrich.enricher(watch).sentiment());
            }
            assertThat(enrich.enricher("plain").languages())
                    .isNotSameAs(enrich.enricher("nordic").languages());
            assertThat(enrich.enricher("custom").sentiment())
                    .isNotSameAs(enrich.enricher("plain").sentiment());
        } finally {
            next.close();
        }
    }

    @Test
    void aWatchGetsTheLanguagesItListsDetectedOnShortPosts() {
        assertThat(lang("nordic", POLISH)).isEqualTo("pl");
        assertThat(lang("nordic", SWEDISH)).isEqualTo("sv");
        assertThat(lang("iberia", GERMAN)).isEqualTo("de");
        assertThat(lang("iberia", SPANISH)).isEqualTo("es");
        assertThat(lang("nordic", "Acme is down again this morning, as usual")).isEqualTo("en");
    }

    @Test
    void anotherWatchDoesNotDetectThem() {
        assertThat(lang("plain", POLISH)).isNotEqualTo("pl");
        assertThat(lang("plain", SWEDISH)).isNotEqualTo("sv");
        assertThat(lang("iberia", POLISH)).isNotEqualTo("pl");
    }

    @Test
    void unsureTextStaysUnknown() {
        assertThat(lang("nordic", "ok 👍 #acme @bob")).isEqualTo(LanguageDetector.UNKNOWN);
        assertThat(lang("iberia", "ok lol")).isEqualTo(LanguageDetector.UNKNOWN);
    }

    @Test
    void aWatchWithItsOwnSentimentModelHasItsPostsReadByIt() {
        assertThat(enrich("custom", GAUGE).lang()).isEqualTo("fr");
        assertThat(enrich("custom", GAUGE).sentimentLabel()).isEqualTo("negative");
        assertThat(enrich("plain", GAUGE).sentimentLabel()).isNotEqualTo("negative");
    }

    private static String lang(String watch, String text) {
        return enrich(watch, text).lang();
    }

    private static EnrichedMention enrich(String watch, String text) {
        Mention m = new Mention(
                "test:" + text.hashCode(),
                new Source(SourceType.MASTODON, "test", "https://t.example", null),
                "https://t.example/" + Math.abs(text.hashCode()),
                null,
                text,
                null,
                Instant.parse("2026-11-30T08:00:00Z"),
                false,
                Instant.parse("2026-11-30T08:05:00Z"),
                null,
                null,
                null);
        return enrich.map(new Collected(watch, "mastodon:test", m, null));
    }
}
