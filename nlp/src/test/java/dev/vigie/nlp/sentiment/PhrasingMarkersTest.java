package dev.vigie.nlp.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Specifications of the English markers: an emoticon on a short post and a "but"-contrast whose sides lean opposite
 * ways take back a neutral answer; a contrast marked by "however", "nevertheless", "yet", "still", "though" or a
 * concession ("although") is read on the side the writer weighs more, even over a polar answer; sarcasm (a praise
 * opening and a problem, a loved wait, "yeah right") reads negative; negated praise and blame ("can't fault it",
 * "never disappoints", "not happy") read as meant. First as the pipeline's default analyzer reads them, then against
 * a scripted inner scorer, so that what the rules do (and do not do) does not depend on the shipped model's weights.
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

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                // praise of what hurts: read negative (all but the first were positive before these rules)
                "Great, another outage. Just great. | negative",
                "Oh great, the app crashed again. | negative",
                "Just great, the app crashed again | negative",
                "Wonderful, my flight got cancelled. | negative",
                "Oh joy, another update that breaks everything. | negative",
                "Thanks for nothing | negative",
                "Thanks a lot for nothing | negative",
                "Love waiting 40 minutes on hold | negative",
                "I love being stuck on hold for an hour | negative",
                "Yeah right, best update ever | negative",
                // praise that means praise stays positive
                "Great, the update fixed the crash. | positive",
                "Great, no crashes since the update | positive",
                "Love this phone | positive",
                "Thanks for the quick fix! | positive",
                "Love waiting for Friday night with you | positive",
                "Best update ever | positive",
                "Yeah, best update ever | positive",
            })
    void sarcasmIsReadAsTheComplaintItIs(String text, String expected) {
        assertThat(DEFAULT.analyze(text, "en").label().id()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                // the point after "however", "nevertheless", "though" (adverb) outweighs what came before
                "The screen is gorgeous; however, the battery dies by noon. | negative",
                "The screen is gorgeous. However, the battery dies by noon. | negative",
                "Great screen. The battery dies by noon though. | negative",
                "The hotel was noisy; nevertheless, the staff were lovely. | positive",
                "The hotel was lovely; nevertheless, the staff were rude. | negative",
                "The plot is thin. Still, a fun watch. | positive",
                "Cheap, yet surprisingly sturdy | positive",
                // a concession weighs less than the main clause, wherever it stands
                "Although the delivery was late, the product is excellent. | positive",
                "Even though the delivery was late, the product is excellent. | positive",
                "Though the delivery was late, the product is excellent. | positive",
                "The product is excellent, although the delivery was late. | positive",
                // "still" and "yet" that do not contrast are left alone
                "It is still broken | negative",
                "I still love it | positive",
            })
    void aContrastIsReadOnTheSideTheWriterWeighsMore(String text, String expected) {
        assertThat(DEFAULT.analyze(text, "en").label().id()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                // negated praise and negated blame (the first four were negative before these rules)
                "can't fault it | positive",
                "I can't fault it | positive",
                "Couldn't fault the service | positive",
                "This brand never disappoints | positive",
                "never disappoints | positive",
                "not too bad | positive",
                "Not too bad for the price | positive",
                "not bad | positive",
                "no complaints | positive",
                "No complaints so far | positive",
                "not happy | negative",
                "Not happy with the service | negative",
                "I'm not happy at all | negative",
                "wouldn't recommend | negative",
                "I wouldn't recommend this hotel | negative",
                "Would not recommend | negative",
                // and what they negate, as it is
                "I would recommend this hotel | positive",
                "Happy with the service | positive",
                "Too bad the show got cancelled | negative",
            })
    void negationsAreReadAsTheyAreMeant(String text, String expected) {
        assertThat(DEFAULT.analyze(text, "en").label().id()).isEqualTo(expected);
    }

    @Test
    void sarcasmNeedsAPraiseOpeningAndAProblemThatIsNeitherNegatedNorEnded() {
        PhrasingRules rules = rulesAround(Map.of());
        assertThat(rules.isSarcastic("Oh great, the app crashed again.")).isTrue();
        assertThat(rules.isSarcastic("@acme Great. Delayed again")).isTrue();
        assertThat(rules.isSarcastic("Yeah, right. Best update ever")).isTrue();
        assertThat(rules.isSarcastic("Fast and reliable, said no one ever")).isTrue();
        assertThat(rules.isSarcastic("Loving the wait: 40 minutes in the queue"))
                .isFalse(); // "love the wait" is not set
        assertThat(rules.isSarcastic("Loving waiting in line for two hours")).isTrue();
        // the problem is ended or negated
        assertThat(rules.isSarcastic("Great, the update fixed the crash.")).isFalse();
        assertThat(rules.isSarcastic("Great, the outage is over")).isFalse();
        assertThat(rules.isSarcastic("Great, no crashes since the update")).isFalse();
        assertThat(rules.isSarcastic("Great, the app has not crashed once")).isFalse();
        // the praise is not an interjection alone, or there is no problem
        assertThat(rules.isSarcastic("Great support, they answered during the outage"))
                .isFalse();
        assertThat(rules.isSarcastic("Great, the new version is out")).isFalse();
        assertThat(rules.isSarcastic("The app crashed again. Great.")).isFalse(); // the praise must open the post
        assertThat(rules.isSarcastic("Love waiting for Friday night with you")).isFalse();
    }

    @Test
    void sarcasmTurnsAPositiveOrNeutralAnswerNegativeButFrenchRulesHaveNoEnglishSarcasm() {
        PhrasingRules rules = rulesAround(Map.of(
                "Oh great, the app crashed again.", s(SentimentLabel.POSITIVE, 0.4),
                "Thanks for the quick fix!", s(SentimentLabel.POSITIVE, 0.3)));
        assertThat(rules.score("Oh great, the app crashed again.").label()).isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(rules.score("Oh great, the app crashed again.").score()).isLessThanOrEqualTo(-0.5);
        assertThat(rules.score("Wonderful, my flight got cancelled").label()).isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(rules.score("Thanks for the quick fix!").label()).isEqualTo(SentimentLabel.POSITIVE);

        PhrasingRules french =
                PhrasingRules.french(t -> new Sentiment(SentimentLabel.POSITIVE, 0.4, Sentiment.Method.LEXICON));
        assertThat(french.score("Oh great, the app crashed again.").label()).isEqualTo(SentimentLabel.POSITIVE);
    }

    @Test
    void contrastsBeyondButFindTheSideConcededAndThePoint() {
        assertThat(PhrasingRules.contrast("The screen is gorgeous; however, the battery dies by noon."))
                .isEqualTo(new PhrasingRules.Contrast("The screen is gorgeous", "the battery dies by noon", "however"));
        assertThat(PhrasingRules.contrast("The screen is gorgeous, however, the battery dies by noon."))
                .isEqualTo(new PhrasingRules.Contrast("The screen is gorgeous", "the battery dies by noon", "however"));
        assertThat(PhrasingRules.contrast("Great screen. The battery, though, dies by noon."))
                .isEqualTo(new PhrasingRules.Contrast("Great screen", "The battery dies by noon", "though"));
        assertThat(PhrasingRules.contrast("Great screen. The battery dies by noon though"))
                .isEqualTo(new PhrasingRules.Contrast("Great screen", "The battery dies by noon", "though"));
        assertThat(PhrasingRules.contrast("Although the delivery was late, the product is excellent."))
                .isEqualTo(new PhrasingRules.Contrast("the delivery was late", "the product is excellent", "although"));
        assertThat(PhrasingRules.contrast("The product is excellent, even though the delivery was late."))
                .isEqualTo(new PhrasingRules.Contrast("the delivery was late", "The product is excellent", "although"));
        assertThat(PhrasingRules.contrast("The film, though well made, falls flat."))
                .isEqualTo(new PhrasingRules.Contrast("well made", "The film falls flat", "although"));
        assertThat(PhrasingRules.contrast("The plot is thin. Still, a fun watch."))
                .isEqualTo(new PhrasingRules.Contrast("The plot is thin", "a fun watch", "however"));
        assertThat(PhrasingRules.contrast("Cheap and light, yet surprisingly sturdy"))
                .isEqualTo(new PhrasingRules.Contrast("Cheap and light", "surprisingly sturdy", "however"));
        // not contrasts
        assertThat(PhrasingRules.contrast("Yet another outage at the station")).isNull();
        assertThat(PhrasingRules.contrast("The fix is not out yet")).isNull();
        assertThat(PhrasingRules.contrast("It is still broken after the update"))
                .isNull();
        assertThat(PhrasingRules.contrast("Any attempt, however minor, would be repugnant"))
                .isNull();
        assertThat(PhrasingRules.contrast("I checked one more thing though and plugged it in again"))
                .isNull();
        assertThat(PhrasingRules.contrast("It looks as though the update is late"))
                .isNull();
        assertThat(PhrasingRules.contrast("However, the battery dies by noon")).isNull(); // nothing conceded
        assertThat(PhrasingRules.contrast("The screen is gorgeous; however, the battery on this model dies well before"
                        + " noon on a normal day"))
                .isNull(); // a story, not a verdict
    }

    @Test
    void aConcessionOrAContrastingAdverbTurnsAPolarAnswerOnlyWhenThePointAndTheConcededSideLeanOppositeWays() {
        PhrasingRules rules = rulesAround(Map.of(
                "The screen is gorgeous; however, the battery dies by noon.", s(SentimentLabel.POSITIVE, 0.45),
                "The screen is gorgeous", s(SentimentLabel.POSITIVE, 0.8),
                "the battery dies by noon", s(SentimentLabel.NEGATIVE, -0.3),
                "The screen is dim; however, the battery dies by noon.", s(SentimentLabel.POSITIVE, 0.2),
                "The screen is dim", s(SentimentLabel.NEGATIVE, -0.4),
                "A great cast, but the plot drags badly", s(SentimentLabel.POSITIVE, 0.5),
                "A great cast,", s(SentimentLabel.POSITIVE, 0.8),
                "the plot drags badly", s(SentimentLabel.NEGATIVE, -0.6)));

        Sentiment turned = rules.score("The screen is gorgeous; however, the battery dies by noon.");
        assertThat(turned.label()).isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(turned.score()).isNegative();
        // both sides negative: the inner answer, however odd, is not the contrast's to correct
        assertThat(rules.score("The screen is dim; however, the battery dies by noon.")
                        .label())
                .isEqualTo(SentimentLabel.POSITIVE);
        // "but" keeps taking back a neutral answer only
        assertThat(rules.score("A great cast, but the plot drags badly").label())
                .isEqualTo(SentimentLabel.POSITIVE);
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
                .isEqualTo(new PhrasingRules.Contrast("A few slow parts,", "a gripping show", "but"));
        assertThat(PhrasingRules.contrast("Slow start but great ending. See it!"))
                .isEqualTo(new PhrasingRules.Contrast("Slow start", "great ending", "but"));
        assertThat(PhrasingRules.contrast("Cheap enough, but sturdy, but ugly as sin"))
                .isEqualTo(new PhrasingRules.Contrast("Cheap enough,", "ugly as sin", "but"));
        assertThat(PhrasingRules.contrast("The first act. Slow in parts, but a gripping show"))
                .isEqualTo(new PhrasingRules.Contrast("Slow in parts,", "a gripping show", "but"));
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
