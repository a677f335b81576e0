package dev.vigie.nlp.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Specifications: negation, litotes, contrast, questions and ironic praise, as the pipeline's default analyzer reads
 * them in English and French. Each line is a phrase a user would check by hand.
 */
class PhrasingRulesTest {

    private static final SentimentAnalyzer DEFAULT = SentimentAnalyzer.builder().build();

    @ParameterizedTest(name = "[{0}] {1} -> {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "en | Not bad at all | positive",
                "en | Not bad at all. | positive",
                "en | can't complain | positive",
                "en | Can’t complain, the service was quick | positive",
                "en | couldn't be happier | positive",
                "en | I couldn't be happier with it | positive",
                "en | not the worst | positive",
                "en | Not the worst phone I've owned | positive",
                "en | Does this camera support RAW files? | neutral",
                "en | The meeting is on Tuesday. | neutral",
                "en | Great, another outage. Brilliant. | negative",
                "en | I love this phone | positive",
                "en | This is terrible | negative",
                "en | The screen is nice but the battery is awful | negative",
                "fr | j'adore pas | negative",
                "fr | J'aime pas ce produit | negative",
                "fr | j'adore | positive",
                "fr | je n'aime pas du tout | negative",
                "fr | Super, encore une panne. Génial. | negative",
                "fr | Est-ce que cet appareil prend en charge le RAW ? | neutral",
                "fr | je ne peux pas me plaindre | positive",
                "fr | c'est nul | negative",
                "fr | Bel écran mais la batterie est nulle | negative",
            })
    void readsTheseAsAPersonWould(String language, String text, String expected) {
        assertThat(DEFAULT.analyze(text, language).label().id()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{0}] {1} is not negative")
    @CsvSource(
            delimiter = '|',
            value = {
                "fr | je m'attendais à pire",
                "fr | Je m'attendais à pire, franchement.",
                "en | It could have been worse",
            })
    void reliefIsNotNegative(String language, String text) {
        assertThat(DEFAULT.analyze(text, language).label()).isNotEqualTo(SentimentLabel.NEGATIVE);
    }

    @ParameterizedTest(name = "[{0}] {1} stays {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "en | Why is the battery life on this phone so terrible? | negative",
                "en | Is this the best phone ever made?! I love it | positive",
                "fr | Encore une superbe journée | positive",
            })
    void theRulesOnlyTakeBackPraiseWhereItIsNotMeant(String language, String text, String expected) {
        assertThat(DEFAULT.analyze(text, language).label().id()).isEqualTo(expected);
    }
}
