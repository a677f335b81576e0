/**
 * Themes and curation. {@link dev.vigie.nlp.theme.ThemeClassifier} sorts items into a watch's themes, learned from
 * the few examples and keywords of the watch file; {@link dev.vigie.nlp.theme.CurationScorer} gives each item the
 * 0 to 100 score (relevance, length, source, engagement, number of sources carrying the story) by which the
 * weekly report picks its best items. Both are immutable and thread-safe; build them once per watch.
 *
 * <pre>
 * ThemeClassifier themes = ThemeClassifier.train(List.of(
 *         new Theme("product", "Produit", List.of("La nouvelle version est sortie"), List.of("lancement", "version")),
 *         new Theme("hiring", "Recrutement", List.of("Nous recrutons un développeur"), List.of("recrute", "job"))));
 * List&lt;ThemeMatch&gt; on = themes.classify(text);                  // often empty: not every item is on a theme
 * double relevance = CurationScorer.relevance(on.isEmpty() ? 0 : on.get(0).score(), namesBrand);
 * double curation = CurationScorer.defaults().score(
 *         new CurationSignals(relevance, text.length(), "feed", likes, shares, comments, storySources));
 * </pre>
 */
package dev.vigie.nlp.theme;
