package dev.vigie.connectors.page;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;
import dev.vigie.connectors.http.FetchResult;
import dev.vigie.connectors.internal.CharsetSniffer;
import dev.vigie.connectors.internal.Ids;
import dev.vigie.connectors.internal.Mojibake;
import dev.vigie.connectors.internal.PlainText;
import java.net.URI;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/**
 * Watches competitor pages: {@link #snapshot} extracts the configured sections of a fetched page as normalised
 * lines, {@link #compare} tells whether a new snapshot differs from the previous one in content and describes the
 * change. Differences in whitespace, line endings, Unicode normalisation, UTF-8-read-as-Latin-1 damage and noise
 * (clock times, counters, configured patterns and ignored parts) are not changes.
 *
 * <p>Stateless and thread-safe.
 */
public final class PageWatcher {
    private static final Pattern PRICE = Pattern.compile(
            "(?:(?<cur1>[€$£¥₹]|EUR|USD|GBP|CHF|CAD|AUD|JPY)\\s?(?<amt1>\\d{1,3}(?:[ ,.\\u00A0\\u202F]\\d{3})*(?:[.,]\\d{1,2})?))"
                    + "|(?:(?<amt2>\\d{1,3}(?:[ ,.\\u00A0\\u202F]\\d{3})*(?:[.,]\\d{1,2})?)\\s?(?<cur2>[€$£¥₹]|EUR|USD|GBP|CHF|CAD|AUD|JPY|euros?|dollars?)\\b?)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern LARGE_SUM = Pattern.compile(
            "\\s*(million|billion|trillion|milliards?|millions?|bn|mn|m\\b|k\\b)", Pattern.CASE_INSENSITIVE);
    private static final Pattern JOBS = Pattern.compile("(?i)\\b(hiring|careers?|jobs?|job opening|open positions?"
            + "|join (our|the) team|apply now|recrut\\w*|offres? d'emploi|emplois?|postes?|CDI|CDD|stage|internship"
            + "|carri[eè]res?)\\b");
    private static final Pattern PRODUCT =
            Pattern.compile("(?i)\\b(new|introducing|launch\\w*|now available|release\\w*"
                    + "|feature\\w*|version \\d|v\\d+\\.\\d+|nouveau\\w*|nouvelle\\w*|lanc\\w*|disponible|fonctionnalit\\w*"
                    + "|sortie|product\\w*|produit\\w*)\\b");
    private static final Pattern NEWS =
            Pattern.compile("(?i)\\b(news|press|announce\\w*|blog|actualit\\w*|communiqu\\w*"
                    + "|jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sept?(ember)?|oct(ober)?"
                    + "|nov(ember)?|dec(ember)?|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre"
                    + "|novembre|décembre|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}/\\d{1,2}/\\d{2,4})\\b");
    private static final String MAIN_CANDIDATES = "main, [role=main], #main, #content, .main-content, article";
    private static final String CHROME =
            "nav, header, footer, aside, [role=navigation], [role=banner], " + "[role=contentinfo], form";

    /** Snapshot of a fetched page (its final URL is the base of links). */
    public PageSnapshot snapshot(PageSpec spec, FetchResult.Ok page) {
        return snapshot(spec, page.body(), page.contentType(), page.finalUrl(), page.fetchedAt());
    }

    /**
     * Snapshot of a page body.
     *
     * @param contentType {@code Content-Type} header or {@code null}; the charset is taken from BOM, header or meta
     * @throws IllegalArgumentException for a page whose elements nest deeper than
     *         {@link dev.vigie.connectors.internal.NestingDepth#MAX_PAGE_DEPTH} (refused before parsing)
     */
    public PageSnapshot snapshot(PageSpec spec, byte[] body, String contentType, URI baseUrl, Instant takenAt) {
        // repaired before parsing: the C1 controls of UTF-8-read-as-Latin-1 must survive until then
        String html = Mojibake.repair(CharsetSniffer.decode(body, contentType).text());
        if (dev.vigie.connectors.internal.NestingDepth.exceeds(
                html, dev.vigie.connectors.internal.NestingDepth.MAX_PAGE_DEPTH, true)) {
            throw new IllegalArgumentException("malformed page " + spec.url() + ": elements nested deeper than "
                    + dev.vigie.connectors.internal.NestingDepth.MAX_PAGE_DEPTH + " levels, refused before parsing");
        }
        Document doc = Jsoup.parse(html, baseUrl == null ? spec.url() : baseUrl.toString());
        doc.select(PageSpec.DEFAULT_IGNORE).remove();
        if (spec.ignore() != null) {
            doc.select(spec.ignore()).remove();
        }
        List<Element> roots = new ArrayList<>();
        boolean found = true;
        if (spec.select() != null) {
            Elements selected = doc.select(spec.select());
            found = !selected.isEmpty();
            // a selected element inside another selected one would count twice
            for (Element e : selected) {
                boolean nested = false;
                for (Element parent : e.parents()) {
                    if (selected.contains(parent)) {
                        nested = true;
                        break;
                    }
                }
                if (!nested) {
                    roots.add(e);
                }
            }
        } else {
            roots.add(mainContent(doc));
        }
        List<Pattern> noise = new ArrayList<>();
        for (String p : PageSpec.DEFAULT_NOISE) {
            noise.add(Pattern.compile(p));
        }
        for (String p : spec.noise()) {
            noise.add(Pattern.compile(p));
        }
        List<String> lines = new ArrayList<>();
        for (Element root : roots) {
            for (String line : PlainText.fromElement(root).split("\n")) {
                String normal = normalise(line, noise);
                if (!normal.isEmpty()) {
                    lines.add(normal);
                }
            }
        }
        return new PageSnapshot(
                spec.url(), spec.section(), takenAt, found, lines, Ids.sha256(String.join("\n", lines)));
    }

    /**
     * The change from {@code previous} to {@code current}, or empty when the content is the same. The first snapshot
     * of a page ({@code previous == null}) is a baseline, not a change.
     */
    public Optional<PageChange> compare(PageSnapshot previous, PageSnapshot current) {
        if (previous == null || previous.hash().equals(current.hash())) {
            return Optional.empty();
        }
        Patch<String> patch = DiffUtils.diff(previous.lines(), current.lines());
        List<String> added = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        for (AbstractDelta<String> delta : patch.getDeltas()) {
            removed.addAll(delta.getSource().getLines());
            added.addAll(delta.getTarget().getLines());
        }
        if (added.isEmpty() && removed.isEmpty()) {
            return Optional.empty();
        }
        String diff = String.join(
                "\n",
                UnifiedDiffUtils.generateUnifiedDiff(
                        current.url() + " (before)", current.url() + " (after)", previous.lines(), patch, 2));
        int total = previous.lines().size() + current.lines().size();
        double magnitude = total == 0 ? 1.0 : Math.min(1.0, (added.size() + removed.size()) / (double) total);
        List<String> before = prices(removed);
        List<String> after = prices(added);
        ChangeKind kind = kind(added, removed, before, after);
        if (kind == ChangeKind.OTHER) {
            kind = kindOfPage(current);
        }
        return Optional.of(new PageChange(
                current.url(),
                current.section(),
                current.takenAt(),
                kind,
                added,
                removed,
                diff,
                magnitude,
                before,
                after));
    }

    private static ChangeKind kind(List<String> added, List<String> removed, List<String> before, List<String> after) {
        if (!before.isEmpty() && !after.isEmpty() && !new LinkedHashSet<>(before).equals(new LinkedHashSet<>(after))) {
            return ChangeKind.PRICE;
        }
        List<String> changed = added.isEmpty() ? removed : added;
        int jobs = count(JOBS, changed);
        int product = count(PRODUCT, changed);
        int news = count(NEWS, changed);
        if (jobs == 0 && product == 0 && news == 0) {
            return ChangeKind.OTHER;
        }
        if (jobs >= product && jobs >= news) {
            return ChangeKind.JOBS;
        }
        return product > news ? ChangeKind.PRODUCT : ChangeKind.NEWS;
    }

    /**
     * What a change means when its own lines say nothing: a careers page gains a line "Senior Data Engineer –
     * Montreal" without the word "job" in it, yet it is a job opening. The page's URL and watched section ("main
     * .jobs") then tell the kind. Prices are not guessed this way: a price change must show an amount.
     */
    private static ChangeKind kindOfPage(PageSnapshot page) {
        List<String> context = List.of(
                pathOf(page.url()).replaceAll("[/._?=&-]+", " "), page.section().replaceAll("[.#_-]+", " "));
        int jobs = count(JOBS, context);
        int product = count(PRODUCT, context);
        int news = count(NEWS, context);
        if (jobs > 0 && jobs >= product && jobs >= news) {
            return ChangeKind.JOBS;
        }
        if (product > 0 && product >= news) {
            return ChangeKind.PRODUCT;
        }
        return news > 0 ? ChangeKind.NEWS : ChangeKind.OTHER;
    }

    /** The path of a URL: its host ("news.example.com") says nothing about what one page of it is. */
    private static String pathOf(String url) {
        try {
            String path = URI.create(url).getRawPath();
            return path == null ? "" : path;
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private static int count(Pattern p, List<String> lines) {
        int n = 0;
        for (String l : lines) {
            if (p.matcher(l).find()) {
                n++;
            }
        }
        return n;
    }

    /** Amounts with their currency, normalised ("EUR 29.99"), in order of appearance. */
    static List<String> prices(List<String> lines) {
        List<String> out = new ArrayList<>();
        for (String l : lines) {
            Matcher m = PRICE.matcher(l);
            while (m.find()) {
                if (LARGE_SUM.matcher(l).region(m.end(), l.length()).lookingAt()) {
                    continue; // "$36 million for projects" is news about money, not a price
                }
                String cur = m.group("cur1") != null ? m.group("cur1") : m.group("cur2");
                String amt = m.group("amt1") != null ? m.group("amt1") : m.group("amt2");
                out.add(currency(cur) + " " + amount(amt));
            }
        }
        return out;
    }

    private static String currency(String c) {
        switch (c.toLowerCase(Locale.ROOT)) {
            case "€", "euro", "euros":
                return "EUR";
            case "$", "dollar", "dollars":
                return "USD";
            case "£":
                return "GBP";
            case "¥":
                return "JPY";
            case "₹":
                return "INR";
            default:
                return c.toUpperCase(Locale.ROOT);
        }
    }

    /** "1 299,00" and "1,299.00" both become "1299.00". */
    private static String amount(String a) {
        String s = a.replaceAll("[\\s\\u00A0\\u202F]", "");
        int lastSep = Math.max(s.lastIndexOf(','), s.lastIndexOf('.'));
        if (lastSep >= 0 && s.length() - lastSep - 1 <= 2) {
            return s.substring(0, lastSep).replaceAll("[.,]", "") + "." + s.substring(lastSep + 1);
        }
        return s.replaceAll("[.,]", "");
    }

    private static Element mainContent(Document doc) {
        Elements candidates = doc.select(MAIN_CANDIDATES);
        Element best = null;
        for (Element c : candidates) {
            if (best == null || c.text().length() > best.text().length()) {
                best = c;
            }
        }
        Element body = doc.body();
        if (best != null && best.text().length() * 4 >= body.text().length()) {
            return best;
        }
        Element copy = body.clone();
        copy.select(CHROME).remove();
        return copy;
    }

    /** Encoding damage repaired, NFC, noise blanked, whitespace collapsed. */
    static String normalise(String line, List<Pattern> noise) {
        String s = Normalizer.normalize(Mojibake.repair(line), Normalizer.Form.NFC);
        for (Pattern p : noise) {
            s = p.matcher(s).replaceAll(" ");
        }
        return PlainText.tidy(s);
    }
}
