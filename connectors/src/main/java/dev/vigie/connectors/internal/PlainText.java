package dev.vigie.connectors.internal;

import java.text.Normalizer;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * HTML to readable plain text: scripts, styles and other non-content elements removed, block elements and
 * {@code <br>} become line breaks, runs of spaces collapse, Unicode in NFC. Text without markup is only normalised,
 * which keeps feeds of plain text cheap.
 */
public final class PlainText {
    private static final Set<String> BLOCKS = Set.of(
            "p",
            "div",
            "br",
            "li",
            "ul",
            "ol",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "blockquote",
            "pre",
            "tr",
            "table",
            "section",
            "article",
            "header",
            "footer",
            "dd",
            "dt",
            "dl",
            "figure",
            "figcaption",
            "hr",
            "main",
            "aside",
            "nav",
            "form",
            "address");
    private static final String DROP = "script, style, noscript, template, iframe, object, embed, svg, head";

    private PlainText() {}

    /** Plain text of an HTML fragment or of text that may contain entities. */
    public static String of(String html) {
        if (html == null || html.isEmpty()) {
            return "";
        }
        if (html.indexOf('<') < 0 && html.indexOf('&') < 0) {
            return tidy(html);
        }
        Document doc = Jsoup.parseBodyFragment(html);
        doc.select(DROP).remove();
        return fromElement(doc.body());
    }

    /** Plain text of an element, block elements on their own lines. */
    public static String fromElement(Element root) {
        StringBuilder sb = new StringBuilder();
        NodeTraversor.traverse(
                new NodeVisitor() {
                    @Override
                    public void head(Node node, int depth) {
                        if (node instanceof TextNode t) {
                            // in HTML a line break inside text is a space, except in preformatted blocks
                            Element p = t.parent();
                            boolean pre = p != null
                                    && (p.normalName().equals("pre")
                                            || p.normalName().equals("textarea")
                                            || p.parents().stream()
                                                    .anyMatch(
                                                            a -> a.normalName().equals("pre")));
                            sb.append(
                                    pre
                                            ? t.getWholeText()
                                            : t.getWholeText()
                                                    .replace('\r', ' ')
                                                    .replace('\n', ' '));
                        } else if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
                            sb.append('\n');
                        }
                    }

                    @Override
                    public void tail(Node node, int depth) {
                        if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
                            sb.append('\n');
                        }
                    }
                },
                root);
        return tidy(sb.toString());
    }

    /** NFC, no control characters, spaces collapsed within lines, blank lines dropped, trimmed. */
    public static String tidy(String s) {
        String n = Normalizer.normalize(s, Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(n.length());
        boolean space = false;
        boolean newline = false;
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            if (c == '\n' || c == '\r') {
                newline = out.length() > 0;
                space = false;
            } else if (Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)) {
                space = out.length() > 0;
            } else {
                if (newline) {
                    out.append('\n');
                } else if (space) {
                    out.append(' ');
                }
                newline = false;
                space = false;
                out.append(c);
            }
        }
        return out.toString();
    }
}
