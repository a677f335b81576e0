/**
 * Keyword alerts: the query language analysts know from Google Alerts, Talkwalker and Brandwatch, matched with
 * Lucene Monitor against thousands of stored rules per watch and many watches per process.
 *
 * <h2>Usage</h2>
 * <pre>{@code
 * // once, in a Flink operator's open(): rules of every watch the operator serves
 * AlertMatcher matcher = AlertMatcher.open(List.of(
 *     new AlertRule("acme", "crisis", "(acme OR \"acme corp\") AND (outage OR panne) -job",
 *         Set.of("fr", "en"), Set.of("negative"))));
 * matcher.rejectedRules().forEach(e -> log.warn("{}", e.describe()));   // bad syntax: column and reason
 *
 * // per document (sentiment comes from the sentiment component, language from LanguageDetector)
 * AlertResult r = matcher.match(AlertDocument.builder("acme", "m-42")
 *     .title("Panne géante chez Acme").text("...").author("Jean (@jdupont)").url("https://news.example/a")
 *     .language("fr").sentiment("negative").build());
 * r.matches();   // [AlertMatch[watch=acme, ruleId=crisis, matchedTerms=[Panne, Acme], highlights=[...]]]
 * r.errors();    // rules that failed on this document; matching never throws for one bad rule
 *
 * matcher.close();   // in close()
 * }</pre>
 * Check a rule when a watch file is loaded with {@link dev.vigie.nlp.alert.AlertMatcher#checkQuery(String)}: it
 * throws {@link dev.vigie.nlp.alert.AlertQuerySyntaxException} with {@code column()} and {@code reason()}.
 *
 * <h2>Query language</h2>
 * <table>
 *   <caption>Syntax</caption>
 *   <tr><td>{@code acme panne}, {@code acme AND panne}</td><td>both words (AND is implicit)</td></tr>
 *   <tr><td>{@code acme OR globex}</td><td>either; AND binds tighter than OR: use parentheses</td></tr>
 *   <tr><td>{@code acme NOT job}, {@code acme -job}</td><td>exclusion; a query needs one word not excluded</td></tr>
 *   <tr><td>{@code "fuite de données"}</td><td>phrase</td></tr>
 *   <tr><td>{@code "acme panne"~3}</td><td>phrase with up to 3 moves (sloppy phrase)</td></tr>
 *   <tr><td>{@code acme NEAR/5 panne}, {@code acme NEAR/5f panne}</td><td>within 5 words, any order / in
 *   order; operands may be words, phrases, wildcards and OR groups</td></tr>
 *   <tr><td>{@code outag*}, {@code organi?ation}</td><td>wildcards, at least 3 letters before the first</td></tr>
 *   <tr><td>{@code title:acme}, {@code text:}, {@code author:}, {@code site:acme.com}, {@code lang:fr}</td>
 *   <td>field restriction; {@code site:} includes subdomains; {@code field:(a OR b)} applies to a group</td></tr>
 *   <tr><td>{@code #acme}, {@code @acme}</td><td>only the hashtag / handle; plain {@code acme} finds all three</td></tr>
 * </table>
 * Operators are upper case ({@code or} and {@code et} are French words). Matching ignores case and accents, drops
 * French elision ({@code oreal} finds {@code l'Oréal}) and conflates singular and plural ({@code panne} finds
 * {@code pannes}); see {@link dev.vigie.nlp.text.TextNormalizer}.
 *
 * <h2>Filters and isolation</h2>
 * A rule's {@code languages} and {@code sentiments} must contain the document's language and sentiment label; a
 * document without sentiment never passes a sentiment filter. A document only meets the rules of its own
 * {@code watch}: the presearcher filters on it before any rule runs.
 */
package dev.vigie.nlp.alert;
