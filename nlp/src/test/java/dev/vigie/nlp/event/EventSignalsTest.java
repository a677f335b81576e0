package dev.vigie.nlp.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class EventSignalsTest {

    private final EventSignals signals = new EventSignals();

    @Test
    void numbersAreOneKeyWhateverTheThousandsSeparator() {
        assertThat(signals.keys("12 000 abonnés", null, "fr")).contains("n:12000");
        assertThat(signals.keys("12\u202F000 abonnés", null, "fr")).contains("n:12000");
        assertThat(signals.keys("12,000 subscribers", null, "en")).contains("n:12000");
        assertThat(signals.keys("12.000 Abonnenten", null, "de")).contains("n:12000");
        assertThat(signals.keys("un taux de 1,5 %", null, "fr")).contains("n:1.5");
        assertThat(signals.keys("a rate of 1.5%", null, "en")).contains("n:1.5");
    }

    @Test
    void namesHashtagsAndHandlesAreTheSameKeyInFrenchAndEnglish() {
        List<String> fr = signals.keys("La CNIL saisie après la fuite chez Roulequai", "#roulequai @cnil", "fr");
        List<String> en = signals.keys("CNIL notified of the Roulequai leak", null, "en");
        assertThat(fr).contains("e:cnil", "e:roulequai").doesNotContain("e:la");
        assertThat(en).contains("e:cnil", "e:roulequai");
    }

    @Test
    void wordsAreStemmedWithinTheirLanguageAndKeyedByIt() {
        assertThat(signals.keys(null, "The leaks exposed riders", "en"))
                .contains("w:en:leak", "w:en:rider")
                .doesNotContain("w:en:the");
        assertThat(signals.keys(null, "les fuites de données", "fr"))
                .contains("w:fr:fuit")
                .doesNotContain("w:fr:les", "w:fr:de");
    }

    @Test
    void urlsAreKeyedByHostAndPath() {
        assertThat(signals.keys(null, "voir https://www.ventelune.example/blog/incident/ maintenant", "fr"))
                .contains("e:ventelune.example/blog/incident");
    }

    @Test
    void theWatchsOwnBrandIsLeftOut() {
        EventSignals withoutBrand = new EventSignals(List.of("Ventelune", "@ventelune", "Ventelune Cargo"));
        List<String> keys = withoutBrand.keys("Ventelune confirme la fuite", "#ventelune Ventelune Cargo", "fr");
        assertThat(keys).noneMatch(k -> k.contains("ventelun")).contains("e:cargo", "w:fr:fuit");
    }

    @Test
    void aLongTextKeepsItsTitleKeysFirst() {
        String text = "word ".repeat(10)
                + String.join(
                        " ",
                        java.util.stream.IntStream.range(0, 200)
                                .mapToObj(i -> "mot" + (char) ('a' + i % 26) + (char) ('a' + i / 26))
                                .toList());
        List<String> keys = signals.keys("Cyclanthe rachète Roulequai", text, "fr");
        assertThat(keys).hasSize(EventSignals.MAX_KEYS).contains("e:cyclanthe", "e:roulequai");
    }
}
