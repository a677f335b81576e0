package dev.vigie.nlp.brand;

import dev.vigie.nlp.text.TextNormalizer;
import dev.vigie.nlp.text.Token;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Finds which brands and competitors of a watch a text names.
 *
 * <p>Matching is on whole tokens of {@link TextNormalizer#tokenize(String)}, so case, accents and French elision do
 * not matter ({@code L'ORÉAL} is {@code L'Oréal}) and a name is never found inside another word ({@code Acme} not
 * in {@code Acmeology}). A plain name also matches its hashtag and handle ({@code #acme}, {@code @acme}); an alias
 * written as a handle or hashtag matches only that form. A multi-word alias matches its words in sequence and, run
 * together, a hashtag or handle ({@code Acme Corp} finds {@code #AcmeCorp}); a domain alias matches inside URLs
 * ({@code acme.com} finds {@code https://www.acme.com/pricing}). A name with an elided article also matches
 * written without it or run together ({@code L'Oréal}: {@code Oréal}, {@code LOREAL}, {@code @loreal}). No stemming: brand names are not plurals.
 *
 * <p>Immutable and thread-safe; cheap to build, so build it from the watch in a Flink operator's {@code open()}.
 */
public final class BrandMatcher {

    /** An alias as a sequence of token keys; {@code exact} keys must equal the token's normalized form. */
    private record Pattern(BrandSpec spec, String alias, String[] keys, boolean[] exact) {}

    private final List<BrandSpec> specs;
    private final Map<String, List<Pattern>> byFirstKey = new HashMap<>();

    private BrandMatcher(List<BrandSpec> specs) {
        this.specs = List.copyOf(specs);
        for (BrandSpec spec : this.specs) {
            List<String> aliases = new ArrayList<>();
            aliases.add(spec.name());
            aliases.addAll(spec.aliases());
            for (String alias : aliases) {
                List<Token> tokens = TextNormalizer.tokenize(alias);
                if (tokens.isEmpty()) {
                    throw new IllegalArgumentException(
                            "alias '" + alias + "' of brand '" + spec.name() + "' has no word");
                }
                String[] keys = new String[tokens.size()];
                boolean[] exact = new boolean[tokens.size()];
                for (int i = 0; i < keys.length; i++) {
                    Token t = tokens.get(i);
                    exact[i] = t.kind() == Token.Kind.HASHTAG || t.kind() == Token.Kind.MENTION;
                    keys[i] = t.normalized();
                }
                add(new Pattern(spec, alias, keys, exact));
                // run together, elided article included: "Acme Corp" -> #acmecorp, "L'Oréal" -> loreal, @loreal
                StringBuilder joined = new StringBuilder();
                TextNormalizer.fold(alias)
                        .codePoints()
                        .filter(Character::isLetterOrDigit)
                        .forEach(joined::appendCodePoint);
                if (!exact[0]
                        && joined.length() > 0
                        && (keys.length > 1 || !joined.toString().equals(keys[0]))) {
                    add(new Pattern(spec, alias, new String[] {joined.toString()}, new boolean[] {false}));
                }
            }
        }
    }

    /**
     * A matcher for a watch's brand and competitors.
     *
     * @param specs brand and competitors; names must be distinct
     * @return the matcher
     */
    public static BrandMatcher of(Collection<BrandSpec> specs) {
        if (specs == null) {
            throw new IllegalArgumentException("brand specs must not be null");
        }
        LinkedHashSet<String> names = new LinkedHashSet<>();
        for (BrandSpec s : specs) {
            if (s == null) {
                throw new IllegalArgumentException("brand specs must not contain null");
            }
            if (!names.add(s.name())) {
                throw new IllegalArgumentException("brand '" + s.name() + "' is listed twice");
            }
        }
        return new BrandMatcher(List.copyOf(specs));
    }

    /** The brands this matcher looks for. */
    public List<BrandSpec> specs() {
        return specs;
    }

    private void add(Pattern p) {
        byFirstKey.computeIfAbsent(p.keys()[0], k -> new ArrayList<>()).add(p);
    }

    /**
     * Every mention of a brand in a text, longest alias first where two overlap.
     *
     * @param text any text; null counts as empty
     * @return mentions in order of position
     */
    public List<BrandMention> find(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        List<Token> tokens = TextNormalizer.tokenize(text);
        List<BrandMention> out = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            Token t = tokens.get(i);
            Pattern best = null;
            for (String key : keysOf(t)) {
                for (Pattern p : byFirstKey.getOrDefault(key, List.of())) {
                    if (matchesAt(p, tokens, i) && (best == null || p.keys().length > best.keys().length)) {
                        best = p;
                    }
                }
            }
            if (best != null) {
                Token last = tokens.get(i + best.keys().length - 1);
                out.add(new BrandMention(best.spec().name(), best.spec().role(), best.alias(), t.start(), last.end()));
                i += best.keys().length;
            } else {
                i++;
            }
        }
        return out;
    }

    /**
     * The distinct brand names a text mentions, in order of first mention (the {@code brands[]} field).
     *
     * @param text any text; null counts as empty
     * @return brand names
     */
    public List<String> names(String text) {
        LinkedHashSet<String> names = new LinkedHashSet<>();
        for (BrandMention m : find(text)) {
            names.add(m.name());
        }
        return List.copyOf(names);
    }

    private static List<String> keysOf(Token t) {
        return t.kind() == Token.Kind.HASHTAG || t.kind() == Token.Kind.MENTION
                ? List.of(t.normalized(), t.bare())
                : List.of(t.normalized());
    }

    private static boolean matchesAt(Pattern p, List<Token> tokens, int at) {
        if (at + p.keys().length > tokens.size()) {
            return false;
        }
        for (int k = 0; k < p.keys().length; k++) {
            Token t = tokens.get(at + k);
            boolean ok =
                    p.exact()[k] ? t.normalized().equals(p.keys()[k]) : t.bare().equals(p.keys()[k]);
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
