package dev.vigie.nlp.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Specifications of the two English markers that take back a neutral answer: an emoticon on a short post, and a
 * contrast whose sides lean opposite ways, answered by the short clause after "but". First as the pipeline's default
 * analyzer reads them, then against a scripted inner scorer, so that what the rules do (and do not do) does not
 * depend on the shipped model's weights.
 */
class PhrasingMarkersTest {

    private static final SentimentAnalyzer DEFAULT = SentimentAnalyzer.builder().build();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "A few slow parts, but a gripping show | positive",
                "New update :( | negative",
                "New update :-( | negative",
                "New update :) | positive",
                // the hand checks still hold beside the markers
                "Not bad at all | positive",
                "can't complain | positive",
                "couldn't be happier | positive",
                "not the worst | positive",
                "Does this camera support RAW files? | neutral",
            })
    void theDefaultAnalyzerReadsContrastAndEmoticonsAsAPersonWould(String text, String expected) {
        assertThat(DEFAULT.analyze(text, "en").label().id()).isEqualTo(expected);
    }

    /** Answers scripted texts with their sentiment, anything else neutral with score 0. */
    private static PhrasingRules rulesAround(Map<String, Sentiment> answers) {
        return PhrasingRules.english(
                t -> answers.getOrDefault(t, new Sentiment(SentimentLabel.NEUTRAL, 0, Sentiment.Method.LEXICON)));
    }

    private static Sentiment s(SentimentLabel label, double score) {
        return new Sentiment(label, score, Sentiment.Method.LEXICON);
    }

    @Test
    void aNeutralAnswerToAContrastIsTakenBackByTheClauseAfterButWhenTheSidesLeanOppositeWays() {
        PhrasingRules rules = rulesAround(Map.of(
                "a gripping show", s(SentimentLabel.POSITIVE, 0.3),
                "A few slow parts,", s(SentimentLabel.NEUTRAL, -0.2),
                "A great cast,", s(SentimentLabel.POSITIVE, 0.8),
                "the plot drags badly", s(SentimentLabel.NEGATIVE, -0.6)));

        assertThat(rules.score("A few slow parts, but a gripping show").label()).isEqualTo(SentimentLabel.POSITIVE);
        assertThat(rules.score("A few slow parts, but a gripping show").score()).isPositive();
        assertThat(rules.score("A great cast, but the plot drags badly").label())
                .isEqualTo(SentimentLabel.NEGATIVE);
        // both sides lean the same way: no contrast to resolve, the inner answer stands
        assertThat(rules.score("A great cast, but a gripping show").label()).isEqualTo(SentimentLabel.NEUTRAL);
        // the clause after "but" says nothing: stays neutral
        assertThat(rules.score("A few slow parts, but the show runs on Tuesday").label())
                .isEqualTo(SentimentLabel.NEUTRAL);
    }

    @Test
    void theContrastRuleNeverOverridesAPolarAnswer() {
        PhrasingRules rules = rulesAround(Map.of(
                "A few slow parts, but a gripping show", s(SentimentLabel.NEGATIVE, -0.5),
                "a gripping show", s(SentimentLabel.POSITIVE, 0.3),
                "A few slow parts,", s(SentimentLabel.NEUTRAL, -0.2)));

        assertThat(rules.score("A few slow parts, but a gripping show").label()).isEqualTo(SentimentLabel.NEGATIVE);
    }

    @Test
    void onlyAContrastingButWithTwoReadableSidesAndAShortVerdictCounts() {
        assertThat(PhrasingRules.contrast("A few slow parts, but a gripping show"))
                .isEqualTo(new PhrasingRules.Contrast("A few slow parts,", "a gripping show"));
        assertThat(PhrasingRules.contrast("Slow start but great ending. See it!"))
                .isEqualTo(new PhrasingRules.Contrast("Slow start", "great ending"));
        assertThat(PhrasingRules.contrast("Cheap enough, but sturdy, but ugly as sin"))
                .isEqualTo(new PhrasingRules.Contrast("Cheap enough,", "ugly as sin"));
        assertThat(PhrasingRules.contrast("The first act. Slow in parts, but a gripping show"))
                .isEqualTo(new PhrasingRules.Contrast("Slow in parts,", "a gripping show"));
        assertThat(PhrasingRules.contrast("It was anything but a gripping show"))
                .isNull();
        assertThat(PhrasingRules.contrast("Nothing but a gripping show")).isNull();
        assertThat(PhrasingRules.contrast("Not only cheap but also a gripping show"))
                .isNull();
        assertThat(PhrasingRules.contrast("But the show was gripping")).isNull(); // no first side
        assertThat(PhrasingRules.contrast("Slow parts, but gripping")).isNull(); // one word: too short to read alone
        assertThat(PhrasingRules.contrast("Slow parts, but the second half of the show has a twist nobody saw coming"))
                .isNull(); // a story, not a verdict
        assertThat(PhrasingRules.contrast("A butler did it, a buttery show")).isNull();
    }

    @Test
    void anEmoticonOnAShortPostGivesItsSignToANeutralAnswer() {
        PhrasingRules rules = rulesAround(Map.of());

        assertThat(rules.score("New update :(").label()).isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(rules.score("New update :(").score()).isNegative();
        assertThat(rules.score("New update :'(").label()).isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(rules.score("New update :D").label()).isEqualTo(SentimentLabel.POSITIVE);
        // emoticons that disagree, or words that outweigh the emoticon: no sure sign
        assertThat(rules.score("New update :) :(").label()).isEqualTo(SentimentLabel.NEUTRAL);
        assertThat(rules.score("Nice phone :(").label()).isEqualTo(SentimentLabel.NEUTRAL);
        // a long post: the emoticon is one mark among many words, left to the model
        assertThat(rules.score("The new update moves the settings page to the second tab of the menu :(")
                        .label())
                .isEqualTo(SentimentLabel.NEUTRAL);
        // not an emoticon: a time, a list item, a price
        assertThat(rules.score("Meeting at 10:30").label()).isEqualTo(SentimentLabel.NEUTRAL);
        assertThat(rules.score("Option (b) or (c)").label()).isEqualTo(SentimentLabel.NEUTRAL);
    }

    @Test
    void theEmoticonRuleNeverOverridesAPolarAnswerAndFrenchHasNoMarkers() {
        PhrasingRules english = rulesAround(Map.of("Love you :(", s(SentimentLabel.POSITIVE, 0.6)));
        assertThat(english.score("Love you :(").label()).isEqualTo(SentimentLabel.POSITIVE);

        PhrasingRules french =
                PhrasingRules.french(t -> new Sentiment(SentimentLabel.NEUTRAL, 0, Sentiment.Method.LEXICON));
        assertThat(french.score("Nouvelle mise à jour :(").label()).isEqualTo(SentimentLabel.NEUTRAL);
    }
}
