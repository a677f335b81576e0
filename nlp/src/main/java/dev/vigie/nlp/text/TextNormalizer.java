package dev.vigie.nlp.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;

/**
 * Text normalisation shared by every matcher of the module (alerts, brands, stories, themes), so that a brand
 * alias, an alert keyword and a document are cut and folded the same way.
 *
 * <ul>
 *   <li>{@link #fold(String)}: lower case and accents removed ({@code Électricité} -> {@code electricite}), typographic
 *       apostrophes turned into {@code '}.
 *   <li>{@link #tokenize(String)}: words, numbers, {@code #hashtags} and {@code @handles} with their offsets; French
 *       elisions are dropped ({@code l'Oréal} -> {@code oreal}, {@code qu'il} -> {@code il}) and so is the English
 *       possessive ({@code Acme's} -> {@code acme}).
 *   <li>{@link #stem(String)}: a light singular/plural stemmer for French and English, applied the same way to queries
 *       and documents (so it only has to be consistent, not linguistically exact).
 *   <li>{@link #stripForLanguageDetection(String)}: removes URLs, handles, hashtag signs and e-mail addresses, which
 *       carry no language signal and mislead n-gram detectors on short posts.
 * </ul>
 *
 * <p>All methods are static, pure and thread-safe.
 */
public final class TextNormalizer {

    /** French elided forms dropped in front of an apostrophe ({@code l'}, {@code d'}, {@code qu'}...). */
    public static final Set<String> FRENCH_ELISIONS =
            Set.of("l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu", "presqu");

    /**
     * Words ending in {@code s} or {@code x} that are not plurals and whose stripped form is another common word
     * ({@code news}/{@code new}, {@code mois}/{@code moi}): left alone by {@link #stem(String)}.
     */
    static final Set<String> STEM_EXCEPTIONS = Set.of(
            "news", "pays", "fois", "mois", "temps", "corps", "prix", "plus", "sans", "dans", "sous", "vers", "tres",
            "apres", "alors", "gas", "bus", "yes", "this", "his", "has", "was", "does", "always", "perhaps");

    private static final Pattern URL = Pattern.compile("(?i)\\b(?:https?://|www\\.)\\S+");
    // Anchored at the start of a word: the leftmost match of \S+@\S+\.\S+ always starts there, and without the anchor
    // a long word with no '@' is rescanned from each of its letters (quadratic: seconds on a 40,000-letter word).
    private static final Pattern EMAIL = Pattern.compile("(?<!\\S)\\S+@\\S+\\.\\S+");
    private static final Pattern HANDLE = Pattern.compile("(?<![\\p{L}\\p{N}_])@[\\p{L}\\p{N}_.]+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private TextNormalizer() {}

    /**
     * Lower case (root locale), accents and ligatures folded to ASCII where Latin ({@code œ} -> {@code oe}), typographic
     * apostrophes to {@code '}. Other scripts are only lower-cased.
     *
     * @param text any text, not null
     * @return the folded text, same number of characters or more (ligatures expand)
     */
    public static String fold(String text) {
        if (text == null) {
            throw new IllegalArgumentException("text to fold must not be null");
        }
        String lower = text.toLowerCase(Locale.ROOT);
        boolean ascii = true;
        for (int i = 0; i < lower.length(); i++) {
            if (lower.charAt(i) >= 0x80) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            return lower;
        }
        char[] in = lower.toCharArray();
        for (int i = 0; i < in.length; i++) {
            if (isApostrophe(in[i])) {
                in[i] = '\'';
            }
        }
        char[] out = new char[in.length * 4];
        int len = ASCIIFoldingFilter.foldToASCII(in, 0, out, 0, in.length);
        StringBuilder sb = new StringBuilder(len);
        for (int i = 0; i < len; i++) {
            char c = out[i];
            // combining marks left over from decomposed input (e + U+0301) carry no meaning once folded
            if (Character.getType(c) != Character.NON_SPACING_MARK) {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * Cuts a text into tokens with offsets into the original text. Letters and digits form words (with inner
     * apostrophes and underscores); {@code #} or {@code @} directly followed by a word, and not preceded by one, form a
     * hashtag or handle; everything else (punctuation, emoji, spaces) separates tokens.
     *
     * @param text any text, not null
     * @return the tokens in order
     */
    public static List<Token> tokenize(String text) {
        if (text == null) {
            throw new IllegalArgumentException("text to tokenize must not be null");
        }
        List<Token> tokens = new ArrayList<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            int c = text.codePointAt(i);
            if ((c == '#' || c == '@')
                    && i + 1 < n
                    && isWordStart(text.codePointAt(i + 1))
                    && (i == 0 || !isWordPart(text.codePointBefore(i)))) {
                int end = scanWord(text, i + 1, false);
                String body = fold(text.substring(i + 1, end));
                tokens.add(new Token(
                        text.substring(i, end),
                        (char) c + body,
                        i,
                        end,
                        c == '#' ? Token.Kind.HASHTAG : Token.Kind.MENTION));
                i = end;
            } else if (isWordStart(c)) {
                int end = scanWord(text, i, true);
                addWord(text, i, end, tokens);
                i = end;
            } else {
                i += Character.charCount(c);
            }
        }
        return tokens;
    }

    /**
     * The normalized forms of {@link #tokenize(String)}, for callers that need no offsets.
     *
     * @param text any text, not null
     * @return normalized tokens in order
     */
    public static List<String> normalizedTokens(String text) {
        List<Token> tokens = tokenize(text);
        List<String> out = new ArrayList<>(tokens.size());
        for (Token t : tokens) {
            out.add(t.normalized());
        }
        return out;
    }

    /**
     * Light singular/plural stemmer for French and English folded words: {@code outages} and {@code outage},
     * {@code pannes} and {@code panne}, {@code companies} and {@code company}, {@code journaux} and {@code journal},
     * {@code watches} and {@code watch} all give one stem. It is symmetric by design (applied to queries and documents
     * alike), so a stem need not be a real word. Hashtags, handles and words with digits are returned unchanged.
     *
     * @param word a folded token (see {@link #fold(String)})
     * @return its stem
     */
    public static String stem(String word) {
        if (word == null) {
            throw new IllegalArgumentException("word to stem must not be null");
        }
        int n = word.length();
        if (n <= 3 || STEM_EXCEPTIONS.contains(word)) {
            return word;
        }
        for (int i = 0; i < n; i++) {
            char c = word.charAt(i);
            if (c < 'a' || c > 'z') {
                return word;
            }
        }
        String w = word;
        if (w.endsWith("eaux") || (w.endsWith("eux") && n >= 4)) {
            w = w.substring(0, n - 1);
        } else if (w.endsWith("aux") && n > 4) {
            w = w.substring(0, n - 3) + "al";
        } else if (w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) {
            w = w.substring(0, n - 1);
        }
        if (w.length() > 3 && w.endsWith("e")) {
            w = w.substring(0, w.length() - 1);
        }
        if (w.length() > 3 && w.endsWith("y")) {
            w = w.substring(0, w.length() - 1) + "i";
        }
        return w;
    }

    /**
     * Removes what carries no language signal in a social post: URLs, e-mail addresses, {@code @handles} and the
     * {@code #} of hashtags (the hashtag word itself is kept: {@code #écologie} is French). Whitespace is collapsed.
     *
     * @param text any text, not null
     * @return the cleaned text, possibly empty
     */
    public static String stripForLanguageDetection(String text) {
        if (text == null) {
            throw new IllegalArgumentException("text must not be null");
        }
        String s = URL.matcher(text).replaceAll(" ");
        s = EMAIL.matcher(s).replaceAll(" ");
        s = HANDLE.matcher(s).replaceAll(" ");
        s = s.replace('#', ' ');
        return SPACES.matcher(s).replaceAll(" ").trim();
    }

    /** Whether a character is one of the apostrophes people type: {@code '}, {@code ’}, {@code ʼ}, {@code ‘}. */
    public static boolean isApostrophe(int c) {
        return c == '\'' || c == '\u2019' || c == '\u02bc' || c == '\u2018';
    }

    private static void addWord(String text, int start, int end, List<Token> tokens) {
        int s = start;
        int apostrophe = -1;
        for (int k = start; k < end; k++) {
            if (isApostrophe(text.charAt(k))) {
                apostrophe = k;
                break;
            }
        }
        if (apostrophe > start) {
            String prefix = fold(text.substring(start, apostrophe));
            if (FRENCH_ELISIONS.contains(prefix)) {
                s = apostrophe + 1;
            }
        }
        int e = end;
        if (e - s > 2 && isApostrophe(text.charAt(e - 2)) && (text.charAt(e - 1) == 's' || text.charAt(e - 1) == 'S')) {
            e -= 2;
        }
        String surface = text.substring(s, e);
        String normalized = fold(surface);
        boolean digits = true;
        for (int k = 0; k < normalized.length(); k++) {
            if (!Character.isDigit(normalized.charAt(k))) {
                digits = false;
                break;
            }
        }
        tokens.add(new Token(surface, normalized, s, e, digits ? Token.Kind.NUMBER : Token.Kind.WORD));
    }

    /** Scans letters, digits, marks and underscores; with {@code apostrophes}, also an apostrophe between letters. */
    private static int scanWord(String text, int from, boolean apostrophes) {
        int n = text.length();
        int i = from;
        while (i < n) {
            int c = text.codePointAt(i);
            if (isWordPart(c)) {
                i += Character.charCount(c);
            } else if (apostrophes
                    && isApostrophe(c)
                    && i > from
                    && i + 1 < n
                    && Character.isLetter(text.codePointAt(i + 1))
                    && Character.isLetter(text.codePointBefore(i))) {
                i++;
            } else {
                break;
            }
        }
        return i;
    }

    private static boolean isWordStart(int c) {
        return Character.isLetterOrDigit(c);
    }

    private static boolean isWordPart(int c) {
        if (Character.isLetterOrDigit(c) || c == '_') {
            return true;
        }
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
    }
}
