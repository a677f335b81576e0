/**
 * The enrichment chain: one call per collected item runs language detection, sentiment, themes, brands, the story
 * signature and keyword alerts, and returns an {@link dev.vigie.nlp.enrich.Enrichment} shaped like the
 * {@code vigie-mentions} fields.
 *
 * <pre>
 * // in the operator's open():
 * Enricher enricher = Enricher.builder("acme")
 *         .themes(ThemeClassifier.train(themes))
 *         .brands(BrandMatcher.of(brandSpecs))
 *         .alerts(AlertMatcher.open(alertRules))
 *         .build();
 * // per item:
 * Enrichment e = enricher.enrich(new EnrichmentInput(id, title, text, author, url, feedLanguage));
 * e.language(); e.sentiment(); e.themeIds(); e.brandNames(); e.story(); e.alertRuleIds(); e.errors();
 * // in close():
 * enricher.close();
 * </pre>
 */
package dev.vigie.nlp.enrich;
