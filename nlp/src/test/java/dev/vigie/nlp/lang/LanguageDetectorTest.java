package dev.vigie.nlp.lang;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigie.nlp.internal.data.SampleTexts;
import dev.vigie.testing.SharedData;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LanguageDetectorTest {

    private static LanguageDetector detector;

    @BeforeAll
    static void load() {
        detector = LanguageDetector.open();
    }

    @Test
    void detectsFrenchAndEnglishPosts() {
        assertThat(detector.detect("Encore une panne chez mon opérateur, ça fait trois jours sans internet")
                        .language())
                .isEqualTo("fr");
        assertThat(detector.detect("Third outage this week, my provider is a joke. Switching tomorrow")
                        .language())
                .isEqualTo("en");
        assertThat(detector.detect("Heute ist der Zug wieder einmal zu spät gekommen, wie immer")
                        .language())
                .isEqualTo("de");
        assertThat(detector.detect("El servicio al cliente fue muy lento pero la comida estaba buena")
                        .language())
                .isEqualTo("es");
    }

    @Test
    void urlsHandlesAndHashSignsDoNotMislead() {
        LanguageGuess g =
                detector.detect("@acme_support https://t.co/xyz #écologie la centrale ferme enfin ses portes");
        assertThat(g.language()).isEqualTo("fr");
        assertThat(g.source()).isEqualTo(LanguageGuess.Source.DETECTED);
    }

    @Test
    void theLanguageIsReadFromTheBeginningOfALongText() {
        String english =
                "The new phone from our favourite brand arrived today and the battery lasts all week. ".repeat(70);
        String french =
                "Le nouveau téléphone de la marque est arrivé aujourd'hui et la batterie tient toute la semaine. ";
        assertThat(english.length()).isGreaterThan(LanguageDetector.MAX_CHARS);
        // Mostly French by volume, but the first MAX_CHARS characters are English: what is read is the beginning.
        assertThat(detector.detect(english + french.repeat(300)).language()).isEqualTo("en");
    }

    @Test
    void aHostileWordIsReadOnlyUpToTheLimitWithoutSplittingACharacter() {
        String emoji = "\uD83D\uDE00";
        String text = "a".repeat(LanguageDetector.MAX_CHARS - 1) + emoji + "b".repeat(40_000);
        assertThat(LanguageDetector.head(text)).isEqualTo("a".repeat(LanguageDetector.MAX_CHARS - 1));
        assertThat(LanguageDetector.head("short")).isEqualTo("short");
        assertThat(detector.detect("ж".repeat(40_000))).isNotNull();
    }

    @Test
    void tooShortOrLetterlessTextIsUnknown() {
        assertThat(detector.detect("lol").language()).isEqualTo(LanguageDetector.UNKNOWN);
        assertThat(detector.detect("😀😀 https://x.co @bob 12345").isKnown()).isFalse();
        assertThat(detector.detect(null).language()).isEqualTo(LanguageDetector.UNKNOWN);
    }

    @Test
    void hintIsUsedWhenTextIsShortOrAgrees() {
        assertThat(detector.detect("lol", "en-US")).isEqualTo(new LanguageGuess("en", 0, LanguageGuess.Source.HINT));
        LanguageGuess agree = detector.detect("Panne générale chez le fournisseur ce matin", "fr_FR");
        assertThat(agree.language()).isEqualTo("fr");
        assertThat(agree.source()).isEqualTo(LanguageGuess.Source.HINT);
    }

    @Test
    void confidentDetectionOverrulesAContradictingHint() {
        LanguageGuess g = detector.detect(
                "Encore une panne chez mon opérateur, ça fait trois jours que nous sommes sans internet à la maison",
                "en");
        assertThat(g.language()).isEqualTo("fr");
        assertThat(g.source()).isEqualTo(LanguageGuess.Source.DETECTED);
    }

    @Test
    void unusableHintsAreIgnored() {
        assertThat(LanguageDetector.normalizeHint("und")).isNull();
        assertThat(LanguageDetector.normalizeHint(" ")).isNull();
        assertThat(LanguageDetector.normalizeHint("x")).isNull();
        assertThat(LanguageDetector.normalizeHint("pt-BR")).isEqualTo("pt");
    }

    @Test
    void watchLanguagesCanBeAdded() {
        String polish = "Dzisiaj pociąg znowu się spóźnił, jak zawsze zresztą";
        assertThat(LanguageDetector.open().detect(polish).language()).isNotEqualTo("pl");
        LanguageDetector withPolish =
                LanguageDetector.builder().addLanguages(List.of("pl")).build();
        assertThat(withPolish.languages()).contains("fr", "en", "pl");
        assertThat(withPolish.detect(polish).language()).isEqualTo("pl");
        assertThat(LanguageDetector.canDetect("pl")).isTrue();
        assertThat(LanguageDetector.canDetect("zh")).isTrue();
        assertThat(LanguageDetector.canDetect("xx")).isFalse();
        assertThat(LanguageDetector.builtInLanguages()).hasSize(70).contains("fr", "en", "zh-CN");
    }

    @Test
    void builderRefusesBadSettings() {
        assertThatThrownBy(
                        () -> LanguageDetector.builder().languages(Set.of("xx")).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("xx");
        assertThatThrownBy(() -> LanguageDetector.builder().languages(List.of()))
                .hasMessageContaining("empty");
        assertThatThrownBy(() -> LanguageDetector.builder().minProbability(0)).hasMessageContaining("0");
        assertThatThrownBy(() -> LanguageDetector.builder().minProbability(1.5)).hasMessageContaining("1.5");
        assertThatThrownBy(() -> LanguageDetector.builder().minLetters(0)).hasMessageContaining("0");
        assertThatThrownBy(() -> LanguageDetector.builder().hintOverruleProbability(-1))
                .hasMessageContaining("-1");
        assertThatThrownBy(() -> new LanguageGuess("fr", 2, LanguageGuess.Source.DETECTED))
                .hasMessageContaining("2");
    }

    @Test
    void accurateOnRealFrenchTweetsAndEnglishSnippets() {
        SampleTexts data = new SampleTexts(SharedData.root("sentiment-fr", "sentiment-en"));
        assertThat(share(data.frenchTweets(), "fr")).isGreaterThan(0.97);
        assertThat(share(data.englishSnippets("nyt"), "en")).isGreaterThan(0.97);
    }

    private static double share(List<String> texts, String lang) {
        return texts.stream()
                        .filter(t -> detector.detect(t).language().equals(lang))
                        .count()
                / (double) texts.size();
    }
}
