package dev.vigie.connectors.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes the start of a feed safe and parseable before the XML parser sees it. The parser runs with DOCTYPEs
 * disallowed, so the DOCTYPE is taken out here and judged: external general entities (XXE) and entities whose value
 * refers to other entities (expansion bombs) are refused; simple internal entities ({@code <!ENTITY id "text">}) are
 * substituted with a bounded growth; external DTDs and parameter entities are never loaded (HTML entities they
 * would define are repaired later). Whitespace or a BOM before {@code <?xml} is dropped, as feed readers do.
 */
public final class XmlProlog {
    private static final Pattern ENTITY = Pattern.compile(
            "<!ENTITY\\s+(%\\s+)?([\\w.:-]+)\\s+(?:(SYSTEM|PUBLIC)\\b|([\"'])(.*?)\\4)", Pattern.DOTALL);
    private static final int MAX_ENTITIES = 64;

    /** The feed was refused for security reasons. */
    public static final class RefusedException extends Exception {
        public RefusedException(String message) {
            super(message);
        }
    }

    /** The prepared document and what was changed to make it parseable. */
    public record Prepared(String xml, List<String> recoveries, boolean strippedLeadingJunk) {}

    private XmlProlog() {}

    public static Prepared prepare(String text) throws RefusedException {
        List<String> recoveries = new ArrayList<>();
        int start = 0;
        while (start < text.length()
                && (text.charAt(start) == '\uFEFF'
                        || Character.isWhitespace(text.charAt(start))
                        || text.charAt(start) == '\u0000')) {
            start++;
        }
        boolean stripped = false;
        if (start > 0 && text.startsWith("<?xml", start)) {
            boolean onlyBom = start == 1 && text.charAt(0) == '\uFEFF';
            if (!onlyBom) {
                recoveries.add("content before the XML declaration removed");
                stripped = true;
            }
        }
        String xml = text.substring(start);
        int doctype = findDoctype(xml);
        if (doctype < 0) {
            return new Prepared(xml, recoveries, stripped);
        }
        int end = doctypeEnd(xml, doctype);
        if (end < 0) {
            return new Prepared(xml, recoveries, stripped); // unterminated: let the parser report it
        }
        String decl = xml.substring(doctype, end);
        Map<String, String> entities = new LinkedHashMap<>();
        Matcher m = ENTITY.matcher(decl);
        while (m.find()) {
            boolean parameter = m.group(1) != null;
            String name = m.group(2);
            if (parameter) {
                continue; // never loaded nor expanded
            }
            if (m.group(3) != null) {
                throw new RefusedException("external entity '" + name + "' (" + m.group(3)
                        + ") refused: Vigie never loads external entities (XXE)");
            }
            String value = m.group(5);
            if (value.indexOf('&') >= 0 || value.indexOf('%') >= 0) {
                throw new RefusedException(
                        "entity '" + name + "' refers to other entities: refused as a possible entity-expansion bomb");
            }
            entities.putIfAbsent(name, value);
            if (entities.size() > MAX_ENTITIES) {
                throw new RefusedException("more than " + MAX_ENTITIES + " entities declared: refused");
            }
        }
        String body = xml.substring(0, doctype) + xml.substring(end);
        if (!entities.isEmpty()) {
            body = substitute(body, entities, doctype);
        }
        return new Prepared(body, recoveries, stripped);
    }

    private static String substitute(String xml, Map<String, String> entities, int from) throws RefusedException {
        long limit = xml.length() * 4L + 65536;
        StringBuilder sb = new StringBuilder(xml.length() + 256);
        sb.append(xml, 0, from);
        int i = from;
        while (i < xml.length()) {
            char c = xml.charAt(i);
            if (c == '&') {
                int semi = xml.indexOf(';', i);
                if (semi > i + 1 && semi - i < 64) {
                    String value = entities.get(xml.substring(i + 1, semi));
                    if (value != null) {
                        sb.append(value);
                        if (sb.length() > limit) {
                            throw new RefusedException(
                                    "entity expansion grows the document beyond " + limit + " characters: refused");
                        }
                        i = semi + 1;
                        continue;
                    }
                }
            }
            sb.append(c);
            i++;
        }
        return sb.toString();
    }

    /** Index of {@code <!DOCTYPE} in the prolog (before the first element), or -1. */
    private static int findDoctype(String xml) {
        int i = 0;
        int n = xml.length();
        while (i < n) {
            while (i < n && Character.isWhitespace(xml.charAt(i))) {
                i++;
            }
            if (xml.startsWith("<?", i)) {
                int e = xml.indexOf("?>", i + 2);
                if (e < 0) {
                    return -1;
                }
                i = e + 2;
            } else if (xml.startsWith("<!--", i)) {
                int e = xml.indexOf("-->", i + 4);
                if (e < 0) {
                    return -1;
                }
                i = e + 3;
            } else if (xml.regionMatches(true, i, "<!DOCTYPE", 0, 9)) {
                return i;
            } else {
                return -1;
            }
        }
        return -1;
    }

    /** Index just after the DOCTYPE declaration starting at {@code start}, or -1. */
    private static int doctypeEnd(String xml, int start) {
        int depth = 0;
        char quote = 0;
        for (int i = start + 9; i < xml.length(); i++) {
            char c = xml.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '[') {
                depth++;
            } else if (c == ']') {
                depth--;
            } else if (c == '>' && depth <= 0) {
                return i + 1;
            } else if (depth > 0 && c == '<' && xml.startsWith("<!--", i)) {
                int e = xml.indexOf("-->", i + 4);
                if (e < 0) {
                    return -1;
                }
                i = e + 2;
            }
        }
        return -1;
    }
}
