/**
 * Brand and competitor detection: which of a watch's brand and competitors a text names, by whole tokens (aliases,
 * case, accents, handles, hashtags, domains), never inside another word.
 *
 * <pre>{@code
 * BrandMatcher brands = BrandMatcher.of(List.of(
 *     new BrandSpec("Acme", BrandSpec.Role.BRAND, List.of("Acme Corp", "@acme", "acme.com")),
 *     new BrandSpec("Globex", BrandSpec.Role.COMPETITOR, List.of())));
 * brands.names("Acme vs #Globex: https://acme.com/prix");   // [Acme, Globex]
 * }</pre>
 */
package dev.vigie.nlp.brand;
