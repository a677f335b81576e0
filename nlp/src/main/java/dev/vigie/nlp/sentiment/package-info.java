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
 *   <li>English: {@link dev.vigie.nlp.sentiment.EnglishSentimentScorer}, Vigie's
 *       {@link dev.vigie.nlp.sentiment.EnglishSentimentModel}: a regression fitted on 19,503 human-rated snippets over
 *       the words of the text, the readings of a VADER-style lexicon layer (emoji, emoticons, hashtags, capitals,
 *       negation, "but") and, where the lexicon is unsure, Stanford CoreNLP's sentiment model over the shift-reduce
 *       parser, with decision offsets chosen for macro-F1 (so it does answer "neutral").
 *       {@code coreNlpUse(NEVER)} keeps CoreNLP out entirely.</li>
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
