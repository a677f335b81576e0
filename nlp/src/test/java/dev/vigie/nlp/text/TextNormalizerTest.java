package dev.vigie.nlp.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextNormalizerTest {

    @Test
    void foldsCaseAccentsAndLigatures() {
        assertThat(TextNormalizer.fold("Électricité ŒUVRE Straße")).isEqualTo("electricite oeuvre strasse");
        assertThat(TextNormalizer.fold("e\u0301te\u0301")).isEqualTo("ete");
        assertThat(TextNormalizer.fold("Москва")).isEqualTo("москва");
    }

    @Test
    void tokensKeepOffsetsHashtagsAndHandles() {
        String text = "Panne chez l'Oréal ! #Beauté @loreal_fr 2024 https://x.fr";
        List<Token> tokens = TextNormalizer.tokenize(text);
        assertThat(tokens)
                .extracting(Token::normalized)
                .containsExactly("panne", "chez", "oreal", "#beaute", "@loreal_fr", "2024", "https", "x", "fr");
        Token oreal = tokens.get(2);
        assertThat(text.substring(oreal.start(), oreal.end())).isEqualTo("Oréal");
        assertThat(tokens.get(3).kind()).isEqualTo(Token.Kind.HASHTAG);
        assertThat(tokens.get(3).bare()).isEqualTo("beaute");
        assertThat(tokens.get(4).kind()).isEqualTo(Token.Kind.MENTION);
        assertThat(tokens.get(5).kind()).isEqualTo(Token.Kind.NUMBER);
    }

    @Test
    void elisionAndPossessiveAreDropped() {
        assertThat(TextNormalizer.normalizedTokens("L’Oréal qu'il jusqu'à aujourd'hui Acme's don't"))
                .containsExactly("oreal", "il", "a", "aujourd'hui", "acme", "don't");
    }

    @Test
    void hashSignInsideAWordIsNotAHashtag() {
        assertThat(TextNormalizer.normalizedTokens("C# mail@acme.com")).containsExactly("c", "mail", "acme", "com");
    }

    @ParameterizedTest
    @CsvSource({
        "outages, outage",
        "pannes, panne",
        "companies, company",
        "journaux, journal",
        "watches, watch",
        "boxes, box",
        "bateaux, bateau",
        "séries, série",
        "données, donnée",
        "viruses, virus",
        "jeux, jeu",
        "keys, key",
        "statuses, status"
    })
    void pluralAndSingularShareAStem(String plural, String singular) {
        assertThat(TextNormalizer.stem(TextNormalizer.fold(plural)))
                .isEqualTo(TextNormalizer.stem(TextNormalizer.fold(singular)));
    }

    @ParameterizedTest
    @CsvSource({"news, new", "mois, moi", "acme, acne"})
    void distinctWordsKeepDistinctStems(String a, String b) {
        assertThat(TextNormalizer.stem(a)).isNotEqualTo(TextNormalizer.stem(b));
    }

    @Test
    void stripsWhatCarriesNoLanguage() {
        assertThat(TextNormalizer.stripForLanguageDetection("Vu sur https://t.co/x @user #écologie ici a@b.fr"))
                .isEqualTo("Vu sur écologie ici");
    }

    @Test
    void refusesNull() {
        assertThatThrownBy(() -> TextNormalizer.tokenize(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TextNormalizer.fold(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TextNormalizer.stem(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void documentAnalyzerIndexesHashtagAndBareWordAtOnePosition() {
        assertThat(new SocialAnalyzer(SocialAnalyzer.Mode.DOCUMENT).terms("#Acmes pannes"))
                .containsExactly("#acmes", "acm", "pann");
        assertThat(new SocialAnalyzer(SocialAnalyzer.Mode.QUERY).terms("#Acmes pannes"))
                .containsExactly("#acmes", "pann");
    }

    @Test
    void stripForLanguageDetectionRemovesWholeAddressesAndKeepsLongWords() {
        assertThat(TextNormalizer.stripForLanguageDetection("écrivez à contact:jean.dupont@example.fr merci"))
                .isEqualTo("écrivez à merci");
        String word = "ж".repeat(40_000);
        assertThat(TextNormalizer.stripForLanguageDetection(word + " fin")).isEqualTo(word + " fin");
    }
}
