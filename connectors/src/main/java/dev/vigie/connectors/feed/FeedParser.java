package dev.vigie.connectors.feed;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import dev.vigie.connectors.http.FetchResult;
import dev.vigie.connectors.internal.Cdf;
import dev.vigie.connectors.internal.CharsetSniffer;
import dev.vigie.connectors.internal.FeedDates;
import dev.vigie.connectors.internal.Ids;
import dev.vigie.connectors.internal.NestingDepth;
import dev.vigie.connectors.internal.PlainText;
import dev.vigie.connectors.internal.UrlCanonicalizer;
import dev.vigie.connectors.internal.XmlProlog;
import dev.vigie.connectors.mention.Author;
import dev.vigie.connectors.mention.Engagement;
import dev.vigie.connectors.mention.Mention;
import dev.vigie.connectors.mention.Source;
import java.io.StringReader;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.parser.Parser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns an RSS 0.9x/1.0/2.0, Atom 0.3/1.0 or RDF body into {@link Mention}s with Rome, hardened and forgiving.
 *
 * <p>Hardened: DOCTYPEs never reach the XML parser (it runs with them disallowed); external entities and entity
 * expansion are refused with {@link FeedResult.Reason#UNSAFE} (see {@code XmlProlog}). Forgiving like a feed reader:
 * the charset comes from BOM, {@code Content-Type}, XML declaration in that order and a body invalid in its declared
 * UTF-8 is read as windows-1252; content before {@code <?xml} is dropped; when strict parsing fails, the body is
 * parsed again leniently (Rome's healer for undeclared HTML entities, then a tolerant XML tree builder) and, if that
 * yields a feed, its entries are kept and the repairs listed in {@link FeedResult.Parsed#recoveries()}.
 *
 * <p>Each entry becomes a mention: canonical URL (relative links resolved against the feed URL, tracking
 * parameters and fragment dropped), id {@code url:<sha256>} of it (with the guid's fragment, when the guid is that
 * URL with a fragment), plain-text title and text, author, publication
 * date in UTC (the updated date when there is no published one, else the fetch time with
 * {@link Mention#publishedEstimated()} set), language hint of the feed. A bad entry is reported in
 * {@link FeedResult.Parsed#entryErrors()} and the others kept.
 *
 * <p>Stateless and thread-safe; cheap to create.
 */
public final class FeedParser {
    private static final Logger LOG = LoggerFactory.getLogger(FeedParser.class);
    private static final Pattern EMAIL_NAME = Pattern.compile("^\\s*\\S+@\\S+\\s*\\((.+)\\)\\s*$");
    private static final Pattern XML_ENCODING =
            Pattern.compile("\\uFEFF?\\s*<\\?xml[^>]*?encoding\\s*=\\s*[\"']([^\"']*)[\"']");
    private static final Pattern ENTITY_REF = Pattern.compile("&([A-Za-z][A-Za-z0-9]*);");
    private static final java.util.Set<String> XML_ENTITIES = java.util.Set.of("amp", "lt", "gt", "quot", "apos");
    private static final Pattern FEED_ROOT = Pattern.compile("<feed(\\s[^>]*)?>");
    private static final Pattern DEFAULT_NS = Pattern.compile("\\sxmlns\\s*=\\s*(\"[^\"]*\"|'[^']*')");
    private static final Pattern BASE64_ELEMENT =
            Pattern.compile("(<[\\w:.-]+[^>]*\\bmode\\s*=\\s*[\"']base64[\"'][^>]*>)([A-Za-z0-9+/=\\s]*)<");
    private static final Pattern ENTRY_ROOT = Pattern.compile("<(?:[\\w-]+:)?entry[\\s>]");
    /** Atom text constructs typed with a MIME type ({@code type="text/html"}) instead of {@code html}/{@code text}. */
    private static final Pattern MIME_CONTENT_TYPE = Pattern.compile(
            "(<(?:[\\w-]+:)?(?:content|summary|title|subtitle|rights)\\s[^>]*?)"
                    + "type\\s*=\\s*([\"'])(text/html|text/plain)\\2",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern PREFIXED_NAME = Pattern.compile("</?([A-Za-z_][\\w.-]*):[A-Za-z_]");
    private static final Pattern PREFIXED_ATTRIBUTE = Pattern.compile("\\s([A-Za-z_][\\w.-]*):[A-Za-z_][\\w.-]*\\s*=");
    /** The namespaces of the prefixes feeds use without declaring them, as feed readers assume them. */
    private static final java.util.Map<String, String> USUAL_NAMESPACES = java.util.Map.ofEntries(
            java.util.Map.entry("content", "http://purl.org/rss/1.0/modules/content/"),
            java.util.Map.entry("dc", "http://purl.org/dc/elements/1.1/"),
            java.util.Map.entry("dcterms", "http://purl.org/dc/terms/"),
            java.util.Map.entry("wfw", "http://wellformedweb.org/CommentAPI/"),
            java.util.Map.entry("slash", "http://purl.org/rss/1.0/modules/slash/"),
            java.util.Map.entry("sy", "http://purl.org/rss/1.0/modules/syndication/"),
            java.util.Map.entry("itunes", "http://www.itunes.com/dtds/podcast-1.0.dtd"),
            java.util.Map.entry("media", "http://search.yahoo.com/mrss/"),
            java.util.Map.entry("atom", "http://www.w3.org/2005/Atom"),
            java.util.Map.entry("georss", "http://www.georss.org/georss"),
            java.util.Map.entry("feedburner", "http://rssnamespace.org/feedburner/ext/1.0"),
            java.util.Map.entry("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"),
            java.util.Map.entry("googleplay", "http://www.google.com/schemas/play-podcasts/1.0"),
            java.util.Map.entry("podcast", "https://podcastindex.org/namespace/1.0"),
            java.util.Map.entry("thr", "http://purl.org/syndication/thread/1.0"));

    private static final Pattern BARE_AMPERSAND = Pattern.compile("&(?!#\\d+;|#x[0-9a-fA-F]+;|[A-Za-z][A-Za-z0-9]*;)");

    /**
     * Parses a fetched feed.
     *
     * @param ok the fetch result (its final URL is the base of relative links)
     * @param sourceName readable name of the source, {@code null} for the feed title
     */
    public FeedResult parse(FetchResult.Ok ok, String sourceName) {
        return parse(ok.body(), ok.contentType(), ok.url().toString(), ok.finalUrl(), sourceName, ok.fetchedAt());
    }

    /**
     * Parses a feed body.
     *
     * @param body raw bytes as received (after content decoding)
     * @param contentType {@code Content-Type} header or {@code null}
     * @param feedUrl the feed's URL, recorded as the source URL
     * @param baseUrl URL relative links are resolved against (the final URL after redirects), or {@code null}
     * @param sourceName readable source name, {@code null} for the feed title
     * @param fetchedAt fetch time, also the fallback publication time
     */
    public FeedResult parse(
            byte[] body, String contentType, String feedUrl, URI baseUrl, String sourceName, Instant fetchedAt) {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(feedUrl, "feedUrl");
        Objects.requireNonNull(fetchedAt, "fetchedAt");
        try {
            return doParse(body, contentType, feedUrl, baseUrl, sourceName, fetchedAt);
        } catch (RuntimeException | StackOverflowError | AssertionError e) {
            LOG.warn("feed {} could not be parsed", feedUrl, e);
            return new FeedResult.Rejected(feedUrl, FeedResult.Reason.MALFORMED, "unreadable feed: " + e);
        }
    }

    private FeedResult doParse(
            byte[] body, String contentType, String feedUrl, URI baseUrl, String sourceName, Instant fetchedAt) {
        CharsetSniffer.Decoded decoded = CharsetSniffer.decode(body, contentType);
        if (decoded.text().isBlank()) {
            return new FeedResult.Rejected(feedUrl, FeedResult.Reason.EMPTY, "empty body");
        }
        List<String> recoveries = new ArrayList<>();
        if (decoded.repaired()) {
            recoveries.add("body is not valid in its declared charset; read as "
                    + decoded.charset().name());
        }
        Matcher declared = XML_ENCODING.matcher(decoded.text());
        if (declared.lookingAt()
                && CharsetSniffer.bomCharset(body) == null
                && CharsetSniffer.lookup(declared.group(1)) == null) {
            recoveries.add("unknown declared encoding '" + declared.group(1) + "'; read as "
                    + decoded.charset().name());
        }
        String mediaType =
                contentType == null ? "" : contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
        if (JsonFeed.looks(mediaType, decoded.text())) {
            return JsonFeed.parse(
                    decoded.text(),
                    feedUrl,
                    baseUrl != null ? baseUrl : parseUri(feedUrl),
                    sourceName,
                    fetchedAt,
                    recoveries);
        }
        if (!mediaType.isEmpty()
                && !(mediaType.contains("xml")
                        || mediaType.contains("rss")
                        || mediaType.contains("atom")
                        || mediaType.contains("rdf"))) {
            recoveries.add("served as " + mediaType + ", not an XML media type");
        }
        XmlProlog.Prepared prepared;
        try {
            prepared = XmlProlog.prepare(decoded.text());
        } catch (XmlProlog.RefusedException e) {
            return new FeedResult.Rejected(feedUrl, FeedResult.Reason.UNSAFE, e.getMessage());
        }
        recoveries.addAll(prepared.recoveries());
        String xml = prepared.xml();
        if (!xml.startsWith("<")) {
            return new FeedResult.Rejected(
                    feedUrl, FeedResult.Reason.NOT_A_FEED, "body does not start with XML markup");
        }
        if (xml.isBlank() || Cdf.rootStart(xml) < 0) {
            return new FeedResult.Rejected(feedUrl, FeedResult.Reason.EMPTY, "no XML element in the body");
        }
        if (NestingDepth.exceeds(xml, NestingDepth.MAX_FEED_DEPTH, false)) {
            return new FeedResult.Rejected(
                    feedUrl,
                    FeedResult.Reason.MALFORMED,
                    "elements nested deeper than "
                            + NestingDepth.MAX_FEED_DEPTH + " levels: refused before parsing (no feed nests like that; "
                            + "a deep document costs time quadratic in its depth)");
        }
        xml = FeedDates.normalize(fixBase64(xml));
        xml = declareUndeclaredPrefixes(xml, recoveries);
        xml = MIME_CONTENT_TYPE
                .matcher(xml)
                .replaceAll(r -> r.group(1) + "type=" + r.group(2)
                        + (r.group(3).equalsIgnoreCase("text/plain") ? "text" : "html") + r.group(2));
        int root = Cdf.rootStart(xml);
        if (ENTRY_ROOT.matcher(xml).region(root, xml.length()).lookingAt()) {
            // an Atom entry document (RFC 4287 section 4.1.2): a feed of that one entry
            xml = xml.substring(0, root) + "<feed xmlns=\"http://www.w3.org/2005/Atom\">" + xml.substring(root)
                    + "</feed>";
        }
        List<String> entryErrors = new ArrayList<>();
        SyndFeed feed;
        String undeclared = undeclaredEntity(xml);
        if (undeclared != null) {
            // a strict parse is bound to fail on it: go straight to the repairing parse
            feed = lenient(xml, recoveries, "undeclared entity &" + undeclared + ";");
            if (feed != null) {
                URI base = baseUrl != null ? baseUrl : parseUri(feedUrl);
                return map(feed, feedUrl, base, sourceName, fetchedAt, recoveries, entryErrors);
            }
        }
        try {
            feed = strictInput().build(new StringReader(xml));
        } catch (IllegalArgumentException notRssOrAtom) {
            feed = otherDialect(xml);
            if (feed == null) {
                return new FeedResult.Rejected(
                        feedUrl,
                        FeedResult.Reason.NOT_A_FEED,
                        "XML is not RSS, Atom, RDF or CDF: " + notRssOrAtom.getMessage());
            }
        } catch (FeedException strictError) {
            String why = message(strictError);
            if (!isXmlSyntaxError(strictError) && xml.contains("<item") && !xml.contains("<channel")) {
                feed = withChannel(xml);
                if (feed != null) {
                    URI base = baseUrl != null ? baseUrl : parseUri(feedUrl);
                    return map(feed, feedUrl, base, sourceName, fetchedAt, recoveries, entryErrors);
                }
            }
            if (!isXmlSyntaxError(strictError)) {
                // well-formed XML that Rome could not map (e.g. an RSS without channel): a feed with nothing usable
                entryErrors.add("feed could not be read: " + why);
                return new FeedResult.Parsed(feedUrl, null, null, null, List.of(), entryErrors, recoveries);
            }
            feed = lenient(xml, recoveries, why);
            if (feed == null) {
                return new FeedResult.Rejected(feedUrl, FeedResult.Reason.MALFORMED, "malformed feed: " + why);
            }
        }
        URI base = baseUrl != null ? baseUrl : parseUri(feedUrl);
        return map(feed, feedUrl, base, sourceName, fetchedAt, recoveries, entryErrors);
    }

    /** CDF, or a {@code <feed>} in a namespace Rome does not know (read as Atom). */
    private static SyndFeed otherDialect(String xml) {
        if (Cdf.looksLikeCdf(xml)) {
            return Cdf.parse(xml);
        }
        int root = Cdf.rootStart(xml);
        Matcher m = FEED_ROOT.matcher(xml);
        if (root < 0 || !m.find(root) || m.start() != root) {
            return null;
        }
        String tag = m.group();
        String ns = tag.contains("version=\"0.3\"") || tag.contains("version='0.3'")
                ? "http://purl.org/atom/ns#"
                : "http://www.w3.org/2005/Atom";
        String fixedTag = DEFAULT_NS.matcher(tag).find()
                ? DEFAULT_NS.matcher(tag).replaceFirst(" xmlns=\"" + ns + "\"")
                : "<feed xmlns=\"" + ns + "\"" + tag.substring(5);
        try {
            return strictInput()
                    .build(new StringReader(xml.substring(0, root) + fixedTag + xml.substring(root + tag.length())));
        } catch (FeedException | IllegalArgumentException e) {
            return null;
        }
    }

    /** An {@code <rss>} whose items sit without a {@code <channel>}: feed readers read them anyway. */
    private static SyndFeed withChannel(String xml) {
        int root = Cdf.rootStart(xml);
        int open = root < 0 ? -1 : xml.indexOf('>', root);
        int close = xml.lastIndexOf("</rss");
        if (open < 0 || close < open || !xml.startsWith("<rss", root)) {
            return null;
        }
        try {
            return strictInput()
                    .build(new StringReader(xml.substring(0, open + 1) + "<channel>" + xml.substring(open + 1, close)
                            + "</channel>" + xml.substring(close)));
        } catch (FeedException | IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * The first entity reference XML does not define ({@code &eacute;}), or {@code null}. Bodies with CDATA sections
     * are not judged here (an entity inside CDATA is plain text) and go through the strict parse.
     */
    private static String undeclaredEntity(String xml) {
        if (xml.indexOf('&') < 0 || xml.contains("<![CDATA[")) {
            return null;
        }
        Matcher m = ENTITY_REF.matcher(xml);
        while (m.find()) {
            String name = m.group(1);
            if (!XML_ENTITIES.contains(name)) {
                return name;
            }
        }
        return null;
    }

    /**
     * Declares on the root element the namespace prefixes the document uses without declaring ({@code content:},
     * {@code itunes:}...), which would make the XML parser refuse the whole feed: the usual namespace of a known
     * prefix, a placeholder for others. Feed readers recover the same way.
     */
    static String declareUndeclaredPrefixes(String xml, List<String> recoveries) {
        if (xml.indexOf(':') < 0) {
            return xml;
        }
        java.util.Set<String> used = new java.util.TreeSet<>();
        Matcher m = PREFIXED_NAME.matcher(xml);
        while (m.find()) {
            used.add(m.group(1));
        }
        m = PREFIXED_ATTRIBUTE.matcher(xml);
        while (m.find()) {
            used.add(m.group(1));
        }
        used.remove("xml");
        used.remove("xmlns");
        if (used.isEmpty()) {
            return xml;
        }
        StringBuilder declarations = new StringBuilder();
        List<String> added = new ArrayList<>();
        for (String prefix : used) {
            if (!Pattern.compile("xmlns:" + Pattern.quote(prefix) + "\\s*=")
                    .matcher(xml)
                    .find()) {
                String ns = USUAL_NAMESPACES.getOrDefault(
                        prefix.toLowerCase(Locale.ROOT), "urn:vigie:undeclared:" + prefix);
                declarations
                        .append(" xmlns:")
                        .append(prefix)
                        .append("=\"")
                        .append(ns)
                        .append('"');
                added.add(prefix + ":");
            }
        }
        int root = Cdf.rootStart(xml);
        if (added.isEmpty() || root < 0) {
            return xml;
        }
        int nameEnd = root + 1;
        while (nameEnd < xml.length()
                && !Character.isWhitespace(xml.charAt(nameEnd))
                && xml.charAt(nameEnd) != '>'
                && xml.charAt(nameEnd) != '/') {
            nameEnd++;
        }
        recoveries.add("undeclared namespace prefixes declared: " + String.join(", ", added));
        return xml.substring(0, nameEnd) + declarations + xml.substring(nameEnd);
    }

    /** Rome's base64 decoder fails on the whitespace feeds put around base64 content; take it out. */
    private static String fixBase64(String xml) {
        if (!xml.contains("base64")) {
            return xml;
        }
        Matcher m = BASE64_ELEMENT.matcher(xml);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(
                    sb, Matcher.quoteReplacement(m.group(1) + m.group(2).replaceAll("\\s+", "") + "<"));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static boolean isXmlSyntaxError(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof org.xml.sax.SAXException
                    || c instanceof org.jdom2.JDOMException
                    || c instanceof java.io.IOException) {
                return true;
            }
        }
        return false;
    }

    private static SyndFeed lenient(String xml, List<String> recoveries, String strictError) {
        // 1. Rome's healer: undeclared HTML entities become character references; bare '&' escaped
        try {
            SyndFeedInput healing = new SyndFeedInput(false, Locale.ROOT);
            healing.setPreserveWireFeed(true);
            healing.setXmlHealerOn(true);
            healing.setAllowDoctypes(false);
            SyndFeed feed =
                    healing.build(new StringReader(BARE_AMPERSAND.matcher(xml).replaceAll("&amp;")));
            recoveries.add("malformed XML repaired (entities): " + strictError);
            return feed;
        } catch (FeedException | IllegalArgumentException healerError) {
            LOG.debug("healer could not repair feed: {}", healerError.getMessage());
        }
        // 2. a tolerant XML tree builder (unclosed or mismatched tags, bad characters), then Rome on that tree
        try {
            org.jsoup.nodes.Document tolerant = Jsoup.parse(xml, "", Parser.xmlParser());
            if (tolerant.children().isEmpty()) {
                return null;
            }
            tolerant.outputSettings()
                    .syntax(org.jsoup.nodes.Document.OutputSettings.Syntax.xml)
                    .escapeMode(org.jsoup.nodes.Entities.EscapeMode.xhtml)
                    .prettyPrint(false);
            SyndFeed feed = strictInput().build(new StringReader(tolerant.outerHtml()));
            recoveries.add("malformed XML rebuilt leniently: " + strictError);
            return feed;
        } catch (FeedException | RuntimeException | AssertionError lenientError) {
            LOG.debug("lenient parse failed too: {}", lenientError.getMessage());
            return null;
        }
    }

    private static SyndFeedInput strictInput() {
        SyndFeedInput input = new SyndFeedInput(false, Locale.ROOT);
        input.setXmlHealerOn(false);
        input.setPreserveWireFeed(true); // the guid as written, for ids (see guidFragment)
        input.setAllowDoctypes(false);
        return input;
    }

    private FeedResult map(
            SyndFeed feed,
            String feedUrl,
            URI base,
            String sourceName,
            Instant fetchedAt,
            List<String> recoveries,
            List<String> errors) {
        String feedTitle = feed.getTitle() == null ? null : PlainText.of(feed.getTitle());
        Source source = Source.feed(sourceName != null ? sourceName : feedTitle, feedUrl);
        String lang = languageHint(feed.getLanguage());
        URI entryBase = base;
        if (entryBase == null && feed.getLink() != null) {
            entryBase = parseUri(feed.getLink());
        }
        List<Mention> mentions = new ArrayList<>();
        int index = 0;
        for (SyndEntry entry : feed.getEntries()) {
            index++;
            try {
                mentions.add(toMention(entry, index, feedUrl, entryBase, source, lang, fetchedAt));
            } catch (RuntimeException e) {
                LOG.debug("entry {} of {} skipped: {}", index, feedUrl, e.toString());
                errors.add("entry " + index + ": " + e.getMessage());
            }
        }
        return new FeedResult.Parsed(feedUrl, feed.getFeedType(), feedTitle, lang, mentions, errors, recoveries);
    }

    private static Mention toMention(
            SyndEntry entry, int index, String feedUrl, URI base, Source source, String lang, Instant fetchedAt) {
        String canonical = UrlCanonicalizer.canonical(link(entry), base);
        String title = entry.getTitle() == null ? null : PlainText.of(entry.getTitle());
        String text = text(entry);
        String id;
        String url;
        if (canonical != null) {
            // the canonical URL drops the fragment; a guid's fragment is part of the item's identity
            // (items of one page told apart by their anchor), so it is kept in the id, not in the URL
            String fragment = guidFragment(entry, canonical, base);
            id = Ids.forUrl(fragment == null ? canonical : canonical + "#" + fragment);
            url = canonical;
        } else {
            // no usable link: the id must still be stable across runs, so it hangs on the entry's own identity,
            // its content included (items that have only a description must not share one id)
            String identity = entry.getUri() != null
                    ? entry.getUri()
                    : title + "|" + entry.getPublishedDate() + "|" + text
                            + (title == null && text.isEmpty() ? "|" + index : "");
            id = "feed:" + Ids.sha256(feedUrl + "\n" + identity);
            url = feedUrl;
        }
        Date date = entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
        Instant published = date != null ? date.toInstant() : fetchedAt;
        return new Mention(
                id,
                source,
                url,
                title,
                text,
                new Author(author(entry), null, null),
                published,
                date == null,
                fetchedAt,
                lang,
                Engagement.NONE,
                null);
    }

    /** The fragment of the entry's guid/id when it is a URL canonicalising to {@code canonical}, else {@code null}. */
    private static String guidFragment(SyndEntry entry, String canonical, URI base) {
        String uri = null;
        Object wire = entry.getWireEntry();
        if (wire instanceof com.rometools.rome.feed.rss.Item item && item.getGuid() != null) {
            uri = item.getGuid().getValue();
        } else if (wire instanceof com.rometools.rome.feed.atom.Entry atom) {
            uri = atom.getId();
        }
        int hash = uri == null ? -1 : uri.indexOf('#');
        if (hash < 0 || hash == uri.length() - 1) {
            return null;
        }
        return canonical.equals(UrlCanonicalizer.canonical(uri, base)) ? uri.substring(hash + 1) : null;
    }

    private static String link(SyndEntry entry) {
        if (entry.getLink() != null && !entry.getLink().isBlank()) {
            return entry.getLink();
        }
        for (SyndLink l : entry.getLinks()) {
            if (l.getHref() != null && (l.getRel() == null || l.getRel().equals("alternate"))) {
                return l.getHref();
            }
        }
        String uri = entry.getUri();
        return uri != null && (uri.startsWith("http://") || uri.startsWith("https://")) ? uri : null;
    }

    private static String text(SyndEntry entry) {
        for (SyndContent c : entry.getContents()) {
            if (c.getValue() != null && !c.getValue().isBlank()) {
                return contentText(c);
            }
        }
        SyndContent d = entry.getDescription();
        if (d != null && d.getValue() != null && !d.getValue().isBlank()) {
            return contentText(d);
        }
        // RSS 1.0 and others often carry the text only in Dublin Core's dc:description
        com.rometools.rome.feed.module.DCModule dc =
                (com.rometools.rome.feed.module.DCModule) entry.getModule(com.rometools.rome.feed.module.DCModule.URI);
        String dcDescription = dc == null ? null : dc.getDescription();
        return dcDescription == null || dcDescription.isBlank() ? "" : PlainText.of(dcDescription);
    }

    private static String contentText(SyndContent c) {
        String type = c.getType() == null ? "" : c.getType().toLowerCase(Locale.ROOT);
        if (type.equals("text") || type.equals("text/plain")) {
            return PlainText.tidy(c.getValue());
        }
        return PlainText.of(c.getValue());
    }

    private static String author(SyndEntry entry) {
        String a = entry.getAuthor();
        if ((a == null || a.isBlank()) && !entry.getAuthors().isEmpty()) {
            SyndPerson p = entry.getAuthors().get(0);
            a = p.getName() != null ? p.getName() : p.getEmail();
        }
        if (a == null || a.isBlank()) {
            return null;
        }
        Matcher m = EMAIL_NAME.matcher(a);
        return PlainText.of(m.matches() ? m.group(1) : a);
    }

    /** "en-US" -> "en"; {@code null} for what does not look like a language tag. */
    static String languageHint(String language) {
        if (language == null) {
            return null;
        }
        String l = language.strip().toLowerCase(Locale.ROOT);
        int cut = l.indexOf('-') >= 0 ? l.indexOf('-') : l.indexOf('_');
        String primary = cut > 0 ? l.substring(0, cut) : l;
        return primary.matches("[a-z]{2,3}") ? primary : null;
    }

    private static URI parseUri(String s) {
        try {
            URI u = new URI(s.strip());
            return u.isAbsolute() ? u : null;
        } catch (java.net.URISyntaxException | NullPointerException e) {
            return null;
        }
    }

    private static String message(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        String m = c.getMessage() != null ? c.getMessage() : t.getMessage();
        return m == null ? t.getClass().getSimpleName() : m;
    }
}
