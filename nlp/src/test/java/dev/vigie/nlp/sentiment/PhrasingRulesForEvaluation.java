package dev.vigie.nlp.sentiment;

/**
 * The English phrasing rules around any scorer, for the evaluation harness ({@code dev.vigie.nlp.eval}), which scores
 * each text with the model of the folds that did not see it: {@code markers} false gives the rules without the
 * emoticon, contrast and sarcasm markers, to measure what those add.
 */
public final class PhrasingRulesForEvaluation {

    private PhrasingRulesForEvaluation() {}

    public static SentimentScorer english(SentimentScorer inner, boolean markers) {
        return PhrasingRules.english(inner, markers);
    }
}
