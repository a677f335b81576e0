/**
 * Sentiment of a document: a {@link dev.vigie.nlp.sentiment.SentimentLabel} (positive, neutral, negative) and a
 * score in [-1, 1], indexed as {@code sentiment.label} and {@code sentiment.score}.
 *
 * <h2>Usage</h2>
 * <pre>
 * // once per operator, in open(): CoreNLP (about 1 GB) is loaded once per JVM and shared
 * SentimentAnalyzer sentiment = SentimentAnalyzer.builder()
 *         .trainedModel("fr", Path.of("/models/acme-fr.model"))   // optional: the analyst's own model
 *         .build();
 * Sentiment s = sentiment.analyze("Service client au top, merci !", "fr");
 * s.label();   // POSITIVE
 * s.score();   // 0.7
 * s.method();  // LEXICON, CORENLP_COMBINED, TRAINED_MODEL or NONE
 * </pre>
 *
 * <h2>How each language is scored</h2>
 * <ul>
 *   <li>English: {@link dev.vigie.nlp.sentiment.EnglishSentimentScorer}. By default ({@code coreNlpUse(NEVER)})
 *       {@link dev.vigie.nlp.sentiment.EnglishSocialModel}: a regression fitted on labelled tweets and rated snippets
 *       over the words of the text, the readings of a VADER-style lexicon layer (emoji, emoticons, hashtags, capitals,
 *       negation, "but") and a sentence embedding; its first stage, without the embedding, answers alone the texts it
 *       is sure are positive or negative and the lexicon agrees with, so only the others are embedded. {@code WHEN_UNCERTAIN} and
 *       {@code ALWAYS} select the older review model ({@link dev.vigie.nlp.sentiment.EnglishSentimentModel}) with
 *       Stanford CoreNLP's sentiment model.</li>
 *   <li>French: CoreNLP has no French sentiment model (a French pipeline with {@code sentiment} silently runs the
 *       English one), so Vigie ships its own lexicon and rules ({@link dev.vigie.nlp.sentiment.LexiconScorer#french()}):
 *       "ne ... pas", intensifiers, "mais", emoji.</li>
 *   <li>Any language, from the analyst's labelled texts: {@link dev.vigie.nlp.sentiment.Train} writes a
 *       {@link dev.vigie.nlp.sentiment.TrainedSentimentModel} ({@code text<TAB>label} TSV in, model file out);
 *       {@code trainedModel(language, file)} makes it replace the built-in scorer of that language.</li>
 * </ul>
 * Everything here is immutable and thread-safe once built. Accuracy and speed, measured: docs/evaluation.md and
 * docs/performance.md.
 */
package dev.vigie.nlp.sentiment;
