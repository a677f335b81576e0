/**
 * Text normalisation shared by every matcher of the NLP module: accent and case folding, French elision, tokens with
 * offsets (words, numbers, {@code #hashtags}, {@code @handles}), a light French/English plural stemmer and the
 * matching Lucene analyzer. Use these rather than re-implementing them, so that an alert keyword, a brand alias, a
 * theme keyword and a document are always cut the same way.
 *
 * <pre>{@code
 * List<Token> tokens = TextNormalizer.tokenize("Panne chez l'Oréal #Beauté @loreal");
 * // panne, chez, oreal (offsets of "Oréal"), #beaute, @loreal
 * String stem = TextNormalizer.stem("pannes");          // "pann", same as stem("panne")
 * Analyzer analyzer = new SocialAnalyzer(SocialAnalyzer.Mode.DOCUMENT);
 * }</pre>
 */
package dev.vigie.nlp.text;
