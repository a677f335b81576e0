package dev.vigie.nlp.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigie.nlp.alert.AlertMatcher;
import dev.vigie.nlp.alert.AlertRule;
import dev.vigie.nlp.brand.BrandMatcher;
import dev.vigie.nlp.brand.BrandSpec;
import dev.vigie.nlp.sentiment.EnglishSentimentScorer;
import dev.vigie.nlp.sentiment.Sentiment;
import dev.vigie.nlp.sentiment.SentimentAnalyzer;
import dev.vigie.nlp.sentiment.SentimentLabel;
import dev.vigie.nlp.theme.Theme;
import dev.vigie.nlp.theme.ThemeClassifier;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EnricherTest {

    private static final List<Theme> THEMES = List.of(
            new Theme(
                    "outage",
                    "Pannes",
                    List.of(
                            "le service est en panne depuis ce matin",
                            "impossible de se connecter, serveurs hors service"),
                    List.of("panne", "outage")),
            new Theme(
                    "product",
                    "Produit",
                    List.of("la nouvelle version apporte le mode sombre", "lancement de la nouvelle application"),
                    List.of("version", "lancement")));

    private Enricher.Builder chain(SentimentAnalyzer sentiment) {
        return Enricher.builder("acme")
                .sentiment(sentiment)
                .themes(ThemeClassifier.train(THEMES))
                .brands(BrandMatcher.of(List.of(
                        new BrandSpec("Acme", BrandSpec.Role.BRAND, List.of("@acme")),
                        new BrandSpec("Globex", BrandSpec.Role.COMPETITOR, List.of()))))
                .alerts(AlertMatcher.open(List.of(
                        new AlertRule("acme", "crisis", "acme AND panne", Set.of("fr"), Set.of("negative")),
                        AlertRule.of("acme", "launch", "lancement"))));
    }

    private static SentimentAnalyzer lexiconOnly() {
        return SentimentAnalyzer.builder()
                .coreNlpUse(EnglishSentimentScorer.CoreNlpUse.NEVER)
                .build();
    }

    @Test
    void fillsEveryFieldOfAMention() throws IOException {
        try (Enricher enricher = chain(lexiconOnly()).build()) {
            Enrichment e = enricher.enrich(new EnrichmentInput(
                    "m1",
                    null,
                    "Encore une panne chez Acme, c'est vraiment nul. Globex au moins fonctionne.",
                    "@client",
                    null,
                    null));
            assertThat(e.id()).isEqualTo("m1");
            assertThat(e.language()).isEqualTo("fr");
            assertThat(e.sentiment().label()).isEqualTo(SentimentLabel.NEGATIVE);
            assertThat(e.themeIds()).first().isEqualTo("outage");
            assertThat(e.brandNames()).containsExactlyInAnyOrder("Acme", "Globex");
            assertThat(e.story()).isNotNull();
            assertThat(e.alertRuleIds()).containsExactly("crisis");
            assertThat(e.relevance()).isGreaterThan(0.4);
            assertThat(e.errors()).isEmpty();
        }
    }

    @Test
    void theAlertSentimentFilterSeesTheSentimentOfTheChain() throws IOException {
        try (Enricher enricher = chain(lexiconOnly()).build()) {
            Enrichment e = enricher.enrich(
                    EnrichmentInput.ofText("m2", "La panne Acme est réparée, merci à l'équipe, super réactivité !"));
            assertThat(e.sentiment().label()).isEqualTo(SentimentLabel.POSITIVE);
            assertThat(e.alertRuleIds()).doesNotContain("crisis");
        }
    }

    @Test
    void aFailingStageLeavesItsDefaultAndAMessageWhileTheOthersRun() throws IOException {
        SentimentAnalyzer broken = SentimentAnalyzer.builder()
                .coreNlpUse(EnglishSentimentScorer.CoreNlpUse.NEVER)
                .scorer("fr", text -> {
                    throw new IllegalStateException("model file truncated");
                })
                .build();
        try (Enricher enricher = chain(broken).build()) {
            Enrichment e = enricher.enrich(new EnrichmentInput(
                    "m3", "Lancement", "Acme annonce le lancement de sa nouvelle version", null, null, "fr"));
            assertThat(e.sentiment()).isEqualTo(Sentiment.none());
            assertThat(e.errors())
                    .singleElement()
                    .asString()
                    .startsWith("sentiment:")
                    .contains("model file truncated");
            assertThat(e.themeIds()).contains("product");
            assertThat(e.alertRuleIds()).containsExactly("launch");
        }
    }

    @Test
    void refusesABadWatchIdAndAnInputWithoutId() {
        assertThatThrownBy(() -> Enricher.builder("Acme Corp")).hasMessageContaining("'Acme Corp'");
        assertThatThrownBy(() -> EnrichmentInput.ofText(" ", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThat(new EnrichmentInput("x", "Title", "Body", null, null, null).fullText())
                .isEqualTo("Title\nBody");
    }
}
