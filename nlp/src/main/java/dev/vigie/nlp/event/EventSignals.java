package dev.vigie.nlp.event;

import dev.vigie.nlp.text.TextNormalizer;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The signals of a mention that say which event it reports, as keys (strings with a kind prefix). Two kinds exist
 * without any translation model, so they join French and English coverage of one event; one kind is per language:
 *
 * <ul>
 *   <li>{@code n:12000} numbers and amounts, thousands separators dropped ({@code 12 000}, {@code 12,000},
 *       {@code 12.000} and {@code 12 000} with a no-break space are one key; {@code 1,5} and {@code 1.5} too). A
 *       figure is the most language-free fact a report carries (12,000 subscribers, 44 euros, a 3 % drop).
 *   <li>{@code e:cnil} names: capitalised or upper-case words that are not stop words of the mention's language
 *       ({@code CNIL}, {@code Ventelune}, {@code Juan Pablo}), plus {@code #hashtags} and {@code @handles} (without
 *       their sign, so {@code #ventelune} and {@code Ventelune} are one key) and URL hosts and paths. Names are
 *       written the same in French and English; a brand named in every mention of a watch weighs nothing (the
 *       clusterer weighs keys by rarity).
 *   <li>{@code w:en:leak} words of the mention's own language, stop words removed and stemmed by Lucene's English or
 *       French analyzer: the strongest signal within one language (most coverage of an event reuses its words), and
 *       meaningless across languages, so the language is part of the key.
 * </ul>
 *
 * <p>Thread-safe: Lucene analyzers keep per-thread token streams.
 */
public final class EventSignals {

    /** Prefix of number keys. */
    public static final String NUMBER = "n:";
    /** Prefix of name keys (capitalised words, hashtags, handles, URL parts). */
    public static final String NAME = "e:";
    /** Prefix of word keys; the language follows ({@code w:fr:}). */
    public static final String WORD = "w:";

    /** Keys kept per mention: a long article is summarised by its first keys (title first). */
    public static final int MAX_KEYS = 64;

    private static final Pattern URL = Pattern.compile("(?i)\\bhttps?://([^\\s/?#]+)([^\\s?#]*)");
    /** A number with optional thousands groups (space, no-break spaces, comma, dot, apostrophe) and decimals. */
    private static final Pattern NUMBER_PATTERN = Pattern.compile(
            "(?<![\\p{L}\\p{N}_.,])(\\d{1,3}(?:[ \\u00A0\\u202F,.'](?=\\d{3}(?!\\d))\\d{3})+|\\d+)(?:[.,](\\d+))?(?![\\p{L}\\p{N}_])");

    private static final Pattern WORD_TOKEN =
            Pattern.compile("[#@]?[\\p{L}][\\p{L}\\p{N}_'’.-]*[\\p{L}\\p{N}]|[#@]?\\p{L}");

    private final Analyzer english = new EnglishAnalyzer();
    private final Analyzer french = new FrenchAnalyzer();
    private final Analyzer other = new StandardAnalyzer(CharArraySet.EMPTY_SET);
    private final CharArraySet englishStop = EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;
    private final CharArraySet frenchStop = FrenchAnalyzer.getDefaultStopSet();
    private Set<String> ignoredKeys = Set.of();

    /** Signals with every key kept. */
    public EventSignals() {}

    /**
     * Signals without the keys of the given one-word names: the watch's own brand is named by nearly every mention it
     * collects, so it says nothing of which event a mention reports (competitors' names do, and are kept). Names of
     * several words are left alone (dropping {@code cargo} for {@code Ventelune Cargo} would lose a real signal).
     *
     * @param ignoredNames names such as {@code Ventelune}, {@code @ventelune}, {@code ventelune.example}
     */
    public EventSignals(Collection<String> ignoredNames) {
        Set<String> drop = new HashSet<>();
        for (String name : ignoredNames == null ? List.<String>of() : ignoredNames) {
            if (name == null || name.isBlank() || name.strip().contains(" ")) {
                continue;
            }
            for (String lang : new String[] {"fr", "en", "xx"}) {
                drop.addAll(keys(name, null, lang));
                drop.addAll(keys(name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1), null, lang));
            }
        }
        this.ignoredKeys = Set.copyOf(drop);
    }

    /**
     * The keys of a mention, distinct, in order of appearance (title first), at most {@link #MAX_KEYS}.
     *
     * @param title its title, or {@code null}
     * @param text its text, or {@code null}
     * @param lang its language ({@code fr}, {@code en}, anything else is treated without stemming)
     * @return the keys
     */
    public List<String> keys(String title, String text, String lang) {
        String language = lang == null || lang.isBlank() ? "xx" : lang.toLowerCase(Locale.ROOT);
        Set<String> keys = new LinkedHashSet<>();
        for (String part : new String[] {title, text}) {
            if (part != null && !part.isBlank()) {
                String withoutUrls = urls(part, keys);
                numbers(withoutUrls, keys);
                names(withoutUrls, language, keys);
                words(withoutUrls, language, keys);
            }
        }
        List<String> out = new ArrayList<>(Math.min(keys.size(), MAX_KEYS));
        for (String k : keys) {
            if (out.size() == MAX_KEYS) {
                break;
            }
            if (!ignoredKeys.contains(k)) {
                out.add(k);
            }
        }
        return out;
    }

    /** Whether a key is the same in every language (numbers and names). */
    public static boolean isLanguageFree(String key) {
        return key.startsWith(NUMBER) || key.startsWith(NAME);
    }

    private static String urls(String text, Set<String> keys) {
        Matcher m = URL.matcher(text);
        StringBuilder rest = new StringBuilder();
        while (m.find()) {
            String host = m.group(1).toLowerCase(Locale.ROOT);
            host = host.startsWith("www.") ? host.substring(4) : host;
            String path = m.group(2).replaceAll("/+$", "").toLowerCase(Locale.ROOT);
            keys.add(NAME + host + path);
            m.appendReplacement(rest, " ");
        }
        m.appendTail(rest);
        return rest.toString();
    }

    private static void numbers(String text, Set<String> keys) {
        Matcher m = NUMBER_PATTERN.matcher(text);
        while (m.find()) {
            String whole = m.group(1).replaceAll("[^0-9]", "").replaceFirst("^0+(?=\\d)", "");
            String decimals = m.group(2) == null ? "" : m.group(2).replaceAll("0+$", "");
            keys.add(NUMBER + whole + (decimals.isEmpty() ? "" : "." + decimals));
        }
    }

    private void names(String text, String lang, Set<String> keys) {
        Matcher m = WORD_TOKEN.matcher(text);
        while (m.find()) {
            String surface = m.group();
            char first = surface.charAt(0);
            boolean tagged = first == '#' || first == '@';
            String body = tagged ? surface.substring(1) : surface;
            if (body.length() < 2 && !tagged) {
                continue;
            }
            boolean capitalised = Character.isUpperCase(body.codePointAt(0));
            if (!tagged && !capitalised) {
                continue;
            }
            String folded = TextNormalizer.fold(body);
            int apostrophe = indexOfApostrophe(folded);
            if (apostrophe >= 0) { // l'Oreal -> oreal, Acme's -> acme
                String before = folded.substring(0, apostrophe);
                folded = TextNormalizer.FRENCH_ELISIONS.contains(before) ? folded.substring(apostrophe + 1) : before;
            }
            if (folded.length() < 2 || isStopWord(folded, lang)) {
                continue;
            }
            keys.add(NAME + folded);
        }
    }

    private boolean isStopWord(String folded, String lang) {
        return englishStop.contains(folded)
                || frenchStop.contains(folded)
                || (!"en".equals(lang) && !"fr".equals(lang) && folded.length() < 3);
    }

    private static int indexOfApostrophe(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (TextNormalizer.isApostrophe(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private void words(String text, String lang, Set<String> keys) {
        Analyzer analyzer = switch (lang) {
            case "en" -> english;
            case "fr" -> french;
            default -> other;
        };
        String prefix = WORD + lang + ":";
        try (TokenStream ts = analyzer.tokenStream("text", new StringReader(text))) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                String t = TextNormalizer.fold(term.toString());
                if (t.length() > 1 && !Character.isDigit(t.charAt(0))) {
                    keys.add(prefix + t);
                }
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException("reading a string cannot fail", e);
        }
    }
}
