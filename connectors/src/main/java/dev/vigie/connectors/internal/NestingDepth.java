package dev.vigie.connectors.internal;

import java.util.Locale;
import java.util.Set;

/**
 * Measures how deep the elements of a markup document nest, in one linear pass over the text and before any parser
 * builds a tree: tree builders spend time quadratic in the depth (JDOM's ancestor checks, an HTML parser's scope
 * searches), so a small body of a few hundred thousand nested tags could hold a worker for minutes. Comments, CDATA,
 * processing instructions and declarations are skipped; for HTML, void elements and elements whose end tag may be
 * left out ({@code <p>}, {@code <li>}...) do not count.
 */
public final class NestingDepth {
    /** Deepest nesting accepted in a feed: real feeds stay under 50, XHTML content included. */
    public static final int MAX_FEED_DEPTH = 512;
    /** Deepest nesting accepted in a web page. */
    public static final int MAX_PAGE_DEPTH = 1024;

    private static final Set<String> HTML_NOT_COUNTED = Set.of(
            "area",
            "base",
            "br",
            "col",
            "embed",
            "hr",
            "img",
            "input",
            "link",
            "meta",
            "param",
            "source",
            "track",
            "wbr",
            "p",
            "li",
            "dt",
            "dd",
            "option",
            "optgroup",
            "tr",
            "td",
            "th",
            "tbody",
            "thead",
            "tfoot",
            "colgroup",
            "rb",
            "rt",
            "rp",
            "html",
            "head",
            "body",
            "keygen",
            "command",
            "basefont",
            "frame",
            "isindex");

    private NestingDepth() {}

    /**
     * Whether the elements of {@code markup} nest deeper than {@code limit}.
     *
     * @param html whether to apply HTML's void and optional-end-tag rules
     */
    public static boolean exceeds(String markup, int limit, boolean html) {
        int depth = 0;
        int n = markup.length();
        int i = markup.indexOf('<');
        while (i >= 0 && i < n - 1) {
            char c = markup.charAt(i + 1);
            if (c == '!') {
                String end = markup.startsWith("<!--", i) ? "-->" : markup.startsWith("<![CDATA[", i) ? "]]>" : ">";
                int e = markup.indexOf(end, i + 2);
                if (e < 0) {
                    return false;
                }
                i = markup.indexOf('<', e + end.length());
                continue;
            }
            if (c == '?') {
                int e = markup.indexOf("?>", i + 2);
                if (e < 0) {
                    return false;
                }
                i = markup.indexOf('<', e + 2);
                continue;
            }
            int close = tagEnd(markup, i + 1);
            if (close < 0) {
                return false;
            }
            if (c == '/') {
                if (!html || counted(markup, i + 2)) {
                    depth = Math.max(0, depth - 1);
                }
            } else if (Character.isLetter(c) || c == '_' || c == ':') {
                boolean selfClosing = markup.charAt(close - 1) == '/';
                if (!selfClosing && (!html || counted(markup, i + 1))) {
                    depth++;
                    if (depth > limit) {
                        return true;
                    }
                }
            }
            i = markup.indexOf('<', close + 1);
        }
        return false;
    }

    /** Index of the {@code >} ending the tag whose name starts at {@code from}, quoted attribute values skipped. */
    private static int tagEnd(String s, int from) {
        char quote = 0;
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                return i;
            } else if (c == '<') {
                return i - 1; // unterminated tag: the next '<' starts something else
            }
        }
        return -1;
    }

    private static boolean counted(String s, int nameStart) {
        int e = nameStart;
        while (e < s.length() && (Character.isLetterOrDigit(s.charAt(e)) || s.charAt(e) == '-' || s.charAt(e) == ':')) {
            e++;
        }
        return !HTML_NOT_COUNTED.contains(s.substring(nameStart, e).toLowerCase(Locale.ROOT));
    }
}
