/**
 * Language detection for short social texts (Optimaize n-gram profiles, short-text mode), with "unknown" when
 * unsure and use of a platform or feed language hint when the text does not contradict it.
 *
 * <pre>{@code
 * LanguageDetector detector = LanguageDetector.open();          // once, thread-safe
 * detector.detect("Panne géante chez Acme ce matin").language(); // "fr"
 * detector.detect("lol", "en");                                  // too short: the hint, Source.HINT
 * }</pre>
 */
package dev.vigie.nlp.lang;
