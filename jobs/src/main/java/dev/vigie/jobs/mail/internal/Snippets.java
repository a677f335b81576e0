package dev.vigie.jobs.mail.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a readable snippet around the first matched term and finds the terms in it for highlighting. Matching ignores
 * case and accents and starts at a word boundary; a single-word term also covers the rest of its word, so that a
 * stemmed term from the query ({@code pann}) highlights the word people read ({@code pannes}).
 */
public final class Snippets {
    /** Longest snippet, in characters. */
    public static final int MAX_LENGTH = 280;
    /** Characters of context kept before the first term. */
    static final int LEAD = 80;

    private Snippets() {}

    /** A piece of snippet text, highlighted when it is a matched term. */
    public record Segment(String text, boolean hit) {}

    /** Text with control characters and runs of white space turned into one space. */
    public static String clean(String text) {
        if (text == null) {
            return "";
        }
        return text.replaceAll(
                        "[\\p{Cntrl}\\p{Z}\\u2028\\u2029\\u0085\\u200B-\\u200F\\u202A-\\u202E\\u2066-\\u2069\\uFEFF]+",
                        " ")
                .trim();
    }

    /**
     * {@code text} cleaned and cut to at most {@code max} characters, at a word when one ends in its second half,
     * with {@code …} when something was cut: a feed's title or name cannot make an email or a report grow without
     * bound.
     */
    public static String cap(String text, int max) {
        String clean = clean(text);
        if (clean.length() <= max) {
            return clean;
        }
        int end = max - 1;
        int space = clean.lastIndexOf(' ', end);
        if (space > max / 2) {
            end = space;
        } else if (Character.isHighSurrogate(clean.charAt(end - 1))) {
            end--;
        }
        return clean.substring(0, end).stripTrailing() + "…";
    }

    /** At most {@link #MAX_LENGTH} characters of {@code text} around the first matched term, cut at words. */
    public static String snippet(String text, List<String> terms) {
        String clean = clean(text);
        if (clean.length() <= MAX_LENGTH) {
            return clean;
        }
        List<int[]> hits = find(clean, terms);
        int first = hits.isEmpty() ? 0 : hits.get(0)[0];
        int start = Math.max(0, first - LEAD);
        if (start > 0) {
            int space = clean.indexOf(' ', start);
            start = space < 0 || space >= first ? start : space + 1;
        }
        int end = Math.min(clean.length(), start + MAX_LENGTH - 2);
        if (end < clean.length()) {
            int space = clean.lastIndexOf(' ', end);
            end = space > start + MAX_LENGTH / 2 ? space : end;
        }
        return (start > 0 ? "…" : "") + clean.substring(start, end).trim() + (end < clean.length() ? "…" : "");
    }

    /** The snippet split into plain and highlighted segments. */
    public static List<Segment> segments(String snippet, List<String> terms) {
        List<Segment> out = new ArrayList<>();
        int pos = 0;
        for (int[] hit : find(snippet, terms)) {
            if (hit[0] > pos) {
                out.add(new Segment(snippet.substring(pos, hit[0]), false));
            }
            out.add(new Segment(snippet.substring(hit[0], hit[1]), true));
            pos = hit[1];
        }
        if (pos < snippet.length()) {
            out.add(new Segment(snippet.substring(pos), false));
        }
        return out;
    }

    /** The snippet with matched terms between asterisks, for the plain-text part. */
    public static String marked(String snippet, List<String> terms) {
        StringBuilder sb = new StringBuilder();
        for (Segment s : segments(snippet, terms)) {
            sb.append(s.hit() ? "*" + s.text() + "*" : s.text());
        }
        return sb.toString();
    }

    /** Sorted, non-overlapping [start, end) ranges of the terms in {@code text}. */
    static List<int[]> find(String text, List<String> terms) {
        String folded = fold(text);
        List<int[]> ranges = new ArrayList<>();
        for (String term : terms) {
            String t = fold(clean(term)).replaceAll("^[*\"]+|[*\"]+$", "");
            if (t.isEmpty()) {
                continue;
            }
            boolean extend = Character.isLetterOrDigit(t.charAt(t.length() - 1)) && t.indexOf(' ') < 0;
            for (int i = folded.indexOf(t); i >= 0; i = folded.indexOf(t, i + 1)) {
                if (i > 0 && Character.isLetterOrDigit(folded.charAt(i - 1))) {
                    continue;
                }
                int end = i + t.length();
                if (extend) {
                    while (end < folded.length() && Character.isLetterOrDigit(folded.charAt(end))) {
                        end++;
                    }
                } else if (end < folded.length()
                        && Character.isLetterOrDigit(folded.charAt(end))
                        && Character.isLetterOrDigit(t.charAt(t.length() - 1))) {
                    continue;
                }
                ranges.add(new int[] {i, end});
            }
        }
        ranges.sort((a, b) -> a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(b[1], a[1]));
        List<int[]> merged = new ArrayList<>();
        for (int[] r : ranges) {
            int[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && r[0] <= last[1]) {
                last[1] = Math.max(last[1], r[1]);
            } else {
                merged.add(new int[] {r[0], r[1]});
            }
        }
        return merged;
    }

    /** Lower case without accents, one char for one char, so that offsets map back to the original text. */
    static String fold(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            char lower = Character.toLowerCase(c);
            if (lower > 0x7f && !Character.isSurrogate(lower)) {
                String d = Normalizer.normalize(String.valueOf(lower), Normalizer.Form.NFD);
                char base = d.charAt(0);
                lower = Character.isLetter(base) ? base : lower;
            }
            sb.append(lower);
        }
        return sb.toString();
    }
}
