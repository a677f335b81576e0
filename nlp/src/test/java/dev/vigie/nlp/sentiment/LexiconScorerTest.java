package dev.vigie.nlp.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LexiconScorerTest {

    private final LexiconScorer en = LexiconScorer.english();
    private final LexiconScorer fr = LexiconScorer.french();

    private double en(String text) {
        return en.score(text).score();
    }

    private double fr(String text) {
        return fr.score(text).score();
    }

    @Test
    void readsPlainEnglishOpinions() {
        assertThat(en.score("I love this phone, the camera is great").label()).isEqualTo(SentimentLabel.POSITIVE);
        assertThat(en.score("The battery is awful and the screen broke").label())
                .isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(en.score("The store opens at nine on Monday").label()).isEqualTo(SentimentLabel.NEUTRAL);
    }

    @Test
    void negationWithinThreeWordsFlipsTheValence() {
        assertThat(en("this update is good")).isPositive();
        assertThat(en("this update is not good")).isNegative();
        assertThat(en("this update isn't very good")).isNegative();
    }

    @Test
    void butMakesTheSecondClauseCount() {
        assertThat(en("The food was great but the service was terrible")).isNegative();
        assertThat(en("The service was terrible but the food was great")).isPositive();
    }

    @Test
    void capitalsBoostersAndExclamationMarksRaiseIntensity() {
        assertThat(en("the new app is GREAT")).isGreaterThan(en("the new app is great"));
        assertThat(en("the new app is very great")).isGreaterThan(en("the new app is great"));
        assertThat(en("the new app is great!!!")).isGreaterThan(en("the new app is great"));
    }

    @Test
    void readsEmojiEmoticonsAndHashtags() {
        assertThat(en("new release 😍")).isPositive();
        assertThat(en("new release 😠")).isNegative();
        assertThat(en("new release 😢")).isNegative();
        assertThat(en("new release 😡")).isNegative();
        assertThat(en("new release :(")).isNegative();
        assertThat(en("new release :-)")).isPositive();
        assertThat(en("new release #fail")).isNegative();
        assertThat(fr("nouvelle version 😍")).isPositive();
    }

    @Test
    void readsFrenchOpinionsWithElisionAndNegation() {
        assertThat(fr("Service client génial, merci !")).isPositive();
        assertThat(fr("Une application lente et buggée, quelle déception")).isNegative();
        assertThat(fr("J'adore cette série")).isPositive();
        assertThat(fr("Je n'aime pas du tout cette version")).isNegative();
        assertThat(fr("ce n'est pas bon"))
                .as("ne ... pas is one negation, not two")
                .isNegative();
        assertThat(fr("La réunion est à 15h.")).isZero();
        assertThat(fr("ce n'est pas terrible"))
                .as("an idiom, not a negated 'terrible'")
                .isNegative();
        assertThat(fr("pas mal du tout ce film")).isPositive();
    }

    @Test
    void frenchMatchesInflectionsIntensifiersContrastAndMissingAccents() {
        assertThat(fr("des acteurs excellents")).isPositive();
        assertThat(fr("c'est tres genial")).isGreaterThan(fr("c'est genial")).isPositive();
        assertThat(fr("le début est excellent mais la fin est nulle")).isNegative();
    }

    @Test
    void frenchIntensifiersDiminishersAndElongationsScaleTheValence() {
        assertThat(fr("c'est vraiment génial")).isGreaterThan(fr("c'est génial"));
        assertThat(fr("c'est un peu décevant"))
                .isGreaterThan(fr("c'est décevant"))
                .isNegative();
        assertThat(fr("c'est bien mauvais")).isLessThan(fr("c'est mauvais"));
        assertThat(fr("c'est bien drôle")).isGreaterThan(fr("c'est drôle"));
        assertThat(fr("c'est géniaaaal")).isEqualTo(fr("c'est génial"));
        assertThat(fr("trop cooool")).isPositive();
        assertThat(fr("grave chiaaaant")).isNegative();
    }

    @Test
    void frenchClausePunctuationEndsAConcessionAndANegationsReach() {
        assertThat(fr("Malgré un scénario raté, les acteurs sont bons")).isPositive();
        assertThat(fr("Un scénario raté, les acteurs sont bons")).isNegative();
        assertThat(fr("Non, c'est génial")).isPositive();
        assertThat(fr.read("Non, c'est génial.").tokens()).isEqualTo(4);
    }

    @Test
    void blankTextIsNeutral() {
        assertThat(en.score("   ")).isEqualTo(new Sentiment(SentimentLabel.NEUTRAL, 0, Sentiment.Method.LEXICON));
        assertThat(fr.read(null).sentimentWords()).isZero();
    }
}
