package dev.vigie.nlp.sentiment;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Rule-based sentiment in the manner of VADER (Hutto and Gilbert, ICWSM 2014): word valences from a lexicon,
 * raised by boosters ("very", "très") and capitals, flipped by negation within three words ("not", "n't", "ne ...
 * pas"), halved before and raised after a contrast ("but", "mais"), raised by exclamation marks, and emoji scored
 * through the valence of their English names. It is fast (microseconds per post), needs no training, handles the
 * signals of social text, and is the layer that decides alone for French and for confident English texts.
 *
 * <p>English uses VADER's own lexicon (MIT); French uses a lexicon written for Vigie ({@code lexicon-fr.tsv}),
 * whose entries ending in {@code *} match any word starting with them. Instances are immutable and thread-safe;
 * {@link #english()} and {@link #french()} load once per JVM.
 */
public final class LexiconScorer implements SentimentScorer {

    /** VADER's threshold on the compound score between neutral and polar. */
    public static final double DEFAULT_THRESHOLD = 0.05;

    private static final double B_INCR = 0.293;
    private static final double C_INCR = 0.733;
    private static final double N_SCALAR = -0.74;
    private static final double ALPHA = 15;
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final String PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~«»“”’…";

    /**
     * A detailed lexicon reading: compound in [-1, 1], summed positive and negative valence (both at least 0),
     * how many sentiment-bearing words and how many tokens were seen.
     */
    public record Reading(double compound, double positive, double negative, int sentimentWords, int tokens) {
        public Reading {
            if (!(compound >= -1 && compound <= 1)) {
                throw new IllegalArgumentException("compound must be within [-1, 1]: " + compound);
            }
            if (!(positive >= 0 && negative >= 0) || sentimentWords < 0 || tokens < 0) {
                throw new IllegalArgumentException("valence sums and counts must not be negative: positive " + positive
                        + ", negative " + negative + ", sentiment words " + sentimentWords + ", tokens " + tokens);
            }
        }
    }

    private final String language;
    private final Map<String, Double> words;
    private final Map<String, Double> prefixes;
    /** The longest prefix key: a word is looked up from that length down, not from its own (a 40,000-letter word). */
    private final int longestPrefix;

    private final Map<String, Double> boosters;
    private final Set<String> negations;
    private final Set<String> contrasts;
    private final Map<Integer, Double> emoji;
    private final Map<String, Double> idioms;
    private final double threshold;

    private LexiconScorer(
            String language,
            Map<String, Double> words,
            Map<String, Double> prefixes,
            Map<String, Double> boosters,
            Set<String> negations,
            Set<String> contrasts,
            Map<Integer, Double> emoji,
            Map<String, Double> idioms,
            double threshold) {
        this.language = language;
        this.words = words;
        this.prefixes = prefixes;
        this.longestPrefix =
                prefixes.keySet().stream().mapToInt(String::length).max().orElse(0);
        this.boosters = boosters;
        this.negations = negations;
        this.contrasts = contrasts;
        this.emoji = emoji;
        this.idioms = idioms;
        this.threshold = threshold;
    }

    /** The English scorer (VADER lexicon, boosters and negations), loaded once. */
    public static LexiconScorer english() {
        return Holder.ENGLISH;
    }

    /** The French scorer (Vigie's lexicon), loaded once. */
    public static LexiconScorer french() {
        return Holder.FRENCH;
    }

    /** The language this scorer reads, as an ISO 639-1 code. */
    public String language() {
        return language;
    }

    @Override
    public Sentiment score(String text) {
        return sentiment(read(text));
    }

    /** The label and score of a reading of this scorer. */
    Sentiment sentiment(Reading r) {
        return new Sentiment(SentimentLabel.ofScore(r.compound(), threshold), r.compound(), Sentiment.Method.LEXICON);
    }

    /** The full reading of a text, for callers that combine it with other models. */
    public Reading read(String text) {
        if (text == null || text.isBlank()) {
            return new Reading(0, 0, 0, 0, 0);
        }
        List<String> raw = tokens(text);
        List<String> low = new ArrayList<>(raw.size());
        for (String t : raw) {
            low.add(fold(t));
        }
        boolean capDiff = capsDiffer(raw);
        boolean french = "fr".equals(language);
        Double[] lexicon = new Double[raw.size()]; // each token is looked up once
        for (int i = 0; i < raw.size(); i++) {
            lexicon[i] = valence(raw.get(i), low.get(i));
        }
        double[] valences = new double[raw.size()];
        int sentimentWords = 0;
        for (int i = 0; i < raw.size(); i++) {
            String w = low.get(i);
            if (boosters.containsKey(w)) {
                continue;
            }
            if (w.equals("kind") && i + 1 < low.size() && low.get(i + 1).equals("of")) {
                continue;
            }
            Double idiom = i >= 1 ? idioms.get(low.get(i - 1) + ' ' + w) : null;
            if (idiom == null && french && i >= 2 && low.get(i - 1).equals("bien")) {
                idiom = idioms.get(low.get(i - 2) + ' ' + w); // "je me suis bien marré"
                if (idiom != null) {
                    valences[i - 2] = 0;
                }
            }
            if (idiom != null) {
                valences[i - 1] = 0;
                valences[i] = french && !isNegation(low.get(i - 1)) && negated(low, i - 1) ? idiom * N_SCALAR : idiom;
                sentimentWords++;
                continue;
            }
            Double base = lexicon[i];
            if (base == null) {
                continue;
            }
            double v = base;
            if (w.equals("no") && i + 1 < low.size() && lexicon[i + 1] != null) {
                continue;
            }
            if (french
                    && w.equals("bien")
                    && i + 1 < low.size()
                    && (low.get(i + 1).equals("que") || low.get(i + 1).equals("qu"))) {
                continue; // "bien que" is a conjunction
            }
            if (french && w.equals("bien") && modifiesNext(lexicon, low, i)) {
                continue; // "bien mauvais", "bien drôle": an intensifier, read with the next word
            }
            if (french && w.equals("mal") && praiseFollows(lexicon, low, i)) {
                continue; // "mal écrit", "mal ficelé": the next word's praise is negated
            }
            if (french && v > 0 && IRONIC.contains(w) && i + 1 < low.size() && isBlame(lexicon, low, i + 1)) {
                continue; // "une belle arnaque", "un joli recul": the adjective is irony, the noun is the opinion
            }
            sentimentWords++;
            if (capDiff && isUpper(raw.get(i))) {
                v += v > 0 ? C_INCR : -C_INCR;
            }
            boolean negated = false;
            boolean restrictive = false;
            boolean lessened = false;
            for (int back = 1; back <= 3 && i - back >= 0; back++) {
                String prev = low.get(i - back);
                boolean bien = french && back == 1 && prev.equals("bien");
                if (bien || lexicon[i - back] == null || boosters.containsKey(prev)) {
                    double s = bien ? (v < 0 ? -B_INCR : B_INCR) : booster(raw.get(i - back), prev, v, capDiff);
                    if (back == 2) {
                        s *= 0.95;
                    } else if (back == 3) {
                        s *= 0.9;
                    }
                    v += s;
                }
                restrictive |= french && (prev.equals("que") || prev.equals("qu"));
                lessened |= french && back <= 2 && lessens(low, i - back);
                if ((isNegation(prev) || (french && back == 1 && prev.equals("mal") && base > 0))
                        && !(restrictive && (prev.equals("ne") || prev.equals("n")))
                        && !(french && prev.equals("sans") && SANS_ADVERBIAL.contains(low.get(i - back + 1)))
                        && !(back > 1 && low.get(i - back + 1).equals("doubt") && prev.equals("without"))) {
                    negated = true;
                }
            }
            int after = i + 1;
            if (french && after < low.size() && boosters.containsKey(low.get(after))) {
                after++; // "j'aime vraiment pas"
            }
            if (!negated
                    && french
                    && after < low.size()
                    && POSTVERBAL.contains(low.get(after))
                    && (after + 1 >= low.size() || lexicon[after + 1] == null)) {
                negated = true; // spoken French drops "ne": "j'adore pas", "j'aime plus"
            }
            if (negated != lessened) { // "pas moins passionnante" is praise: a negated "moins" is no lessening
                v *= N_SCALAR; // once: French "ne ... pas" is one negation, not two
            }
            if (i >= 1
                    && low.get(i - 1).equals("least")
                    && (i < 2 || !Set.of("at", "very").contains(low.get(i - 2)))) {
                v *= N_SCALAR;
            }
            valences[i] = v;
        }
        int contrast = -1;
        for (int i = 0; i < low.size(); i++) {
            if (contrasts.contains(low.get(i)) || (french && i >= 1 && isTwoWordContrast(low.get(i - 1), low.get(i)))) {
                contrast = i;
            }
        }
        if (french) {
            weakenConcessions(low, valences);
        }
        if (contrast >= 0) {
            for (int i = 0; i < valences.length; i++) {
                if (i < contrast) {
                    valences[i] *= 0.5;
                } else if (i > contrast) {
                    valences[i] *= 1.5;
                }
            }
        }
        double sum = 0;
        double pos = 0;
        double neg = 0;
        for (double v : valences) {
            sum += v;
            if (v > 0) {
                pos += v;
            } else {
                neg -= v;
            }
        }
        if (sum != 0) {
            double emphasis = emphasis(text);
            sum += sum > 0 ? emphasis : -emphasis;
        }
        double compound = Math.max(-1, Math.min(1, sum / Math.sqrt(sum * sum + ALPHA)));
        int tokenCount = raw.size();
        if (french) {
            tokenCount -= (int) raw.stream().filter(CLAUSE::equals).count();
        }
        return new Reading(compound, pos, neg, sentimentWords, tokenCount);
    }

    /** French negations that follow the verb they negate when "ne" is dropped. */
    private static final Set<String> POSTVERBAL = Set.of("pas", "plus", "jamais");

    /** A run of three or more identical letters: an elongation ("géniaaal", "nuuul"). */
    private static final Pattern ELONGATION = Pattern.compile("(\\p{L})\\1{2,}");

    /** Whether a negation within the three words before position {@code i} applies to it ("ne ... que" does not). */
    private boolean negated(List<String> low, int i) {
        boolean restrictive = false;
        for (int back = 1; back <= 3 && i - back >= 0; back++) {
            String prev = low.get(i - back);
            restrictive |= prev.equals("que") || prev.equals("qu");
            if (isNegation(prev) && !(restrictive && (prev.equals("ne") || prev.equals("n")))) {
                return true;
            }
        }
        return false;
    }

    /** A French token that stands for the end of a clause (a comma, a full stop...), never a word. */
    private static final String CLAUSE = "<,>";

    /** Words after a French concession ("malgré", "même si", "bien que", "certes") count half, up to the clause end. */
    private static void weakenConcessions(List<String> low, double[] valences) {
        for (int i = 0; i < low.size(); i++) {
            String w = low.get(i);
            boolean concession = w.equals("malgre")
                    || w.equals("quoique")
                    || w.equals("certes")
                    || (i >= 1 && w.equals("si") && low.get(i - 1).equals("meme"))
                    || (i >= 1
                            && (w.equals("que") || w.equals("qu"))
                            && low.get(i - 1).equals("bien"));
            if (!concession) {
                continue;
            }
            for (int j = i + 1; j < low.size() && j <= i + 10 && !low.get(j).equals(CLAUSE); j++) {
                valences[j] *= 0.5;
            }
        }
    }

    /**
     * French "moins" and "peu" right before a word reverse it as a negation does ("moins drôle", "peu crédible",
     * "de moins en moins bien"), but not in "au moins", "du moins", "un peu" (a little: "un peu long" stays blame,
     * scaled down by the booster entry) or "à peu près".
     */
    private static boolean lessens(List<String> low, int k) {
        String w = low.get(k);
        String before = k >= 1 ? low.get(k - 1) : "";
        if (w.equals("moins")) {
            return !(before.equals("au") || before.equals("du") || before.equals("pour"));
        }
        return w.equals("peu")
                && !(before.equals("un") || before.equals("quelque"))
                && !(k + 1 < low.size() && low.get(k + 1).equals("pres"));
    }

    /** "sans doute", "sans hésiter": "sans" that does not negate what follows ("sans doute la meilleure"). */
    private static final Set<String> SANS_ADVERBIAL = Set.of(
            "doute",
            "aucun",
            "hesiter",
            "hesitation",
            "conteste",
            "exagerer",
            "mentir",
            "rire",
            "blague",
            "oublier",
            "compter");

    /** French adjectives of praise that are ironic before a word of blame ("un bel échec", "quel joli recul"). */
    private static final Set<String> IRONIC = Set.of("beau", "bel", "belle", "joli", "jolie", "fameux", "fameuse");

    private boolean isBlame(Double[] lexicon, List<String> low, int i) {
        Double v = lexicon[i];
        return v != null && v < 0 && !boosters.containsKey(low.get(i));
    }

    private boolean praiseFollows(Double[] lexicon, List<String> low, int i) {
        if (i + 1 >= low.size() || boosters.containsKey(low.get(i + 1))) {
            return false;
        }
        Double v = lexicon[i + 1];
        return v != null && v > 0;
    }

    /** "bien" right before a sentiment word that is not a booster. */
    private boolean modifiesNext(Double[] lexicon, List<String> low, int i) {
        return i + 1 < low.size()
                && !low.get(i + 1).equals("bien")
                && !boosters.containsKey(low.get(i + 1))
                && lexicon[i + 1] != null;
    }

    /** French contrasts written in two words: "par contre", "en revanche". */
    private static boolean isTwoWordContrast(String first, String second) {
        return (first.equals("par") && second.equals("contre")) || (first.equals("en") && second.equals("revanche"));
    }

    private boolean isNegation(String word) {
        return negations.contains(word) || ("en".equals(language) && word.endsWith("n't"));
    }

    private double booster(String raw, String word, double valence, boolean capDiff) {
        Double b = boosters.get(word);
        if (b == null) {
            return 0;
        }
        double s = valence < 0 ? -b : b;
        if (capDiff && isUpper(raw)) {
            s += valence > 0 ? C_INCR : -C_INCR;
        }
        return s;
    }

    private Double valence(String raw, String folded) {
        if (raw.codePointCount(0, raw.length()) == 1 && emoji.containsKey(raw.codePointAt(0))) {
            return emoji.get(raw.codePointAt(0));
        }
        Double v = lookup(raw, folded);
        if (v == null && "fr".equals(language) && folded.length() > 3 && hasRun(folded)) {
            java.util.regex.Matcher m = ELONGATION.matcher(folded);
            if (m.find()) { // "géniaaal" is "génial", "trooop" is "trop", "cooool" is "cool"
                v = lookup(raw, m.replaceAll("$1"));
                if (v == null) {
                    v = lookup(raw, ELONGATION.matcher(folded).replaceAll("$1$1"));
                }
            }
        }
        return v;
    }

    private static boolean hasRun(String s) {
        for (int i = 2; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == s.charAt(i - 1) && c == s.charAt(i - 2) && Character.isLetter(c)) {
                return true;
            }
        }
        return false;
    }

    private Double lookup(String raw, String folded) {
        Double v = words.get(folded);
        if (v == null && raw.startsWith("#") && raw.length() > 1) {
            v = words.get(fold(raw.substring(1)));
        }
        if (v == null && !prefixes.isEmpty()) {
            String stem = folded.startsWith("#") ? folded.substring(1) : folded; // "#crise" is "crise"
            for (int end = Math.min(stem.length(), longestPrefix); end >= 3 && v == null; end--) {
                v = prefixes.get(stem.substring(0, end));
            }
        }
        return v;
    }

    private static double emphasis(String text) {
        long bangs = Math.min(4, text.chars().filter(c -> c == '!').count());
        long questions = text.chars().filter(c -> c == '?').count();
        double q = questions > 1 ? (questions <= 3 ? questions * 0.18 : 0.96) : 0;
        return bangs * 0.292 + q;
    }

    private static boolean capsDiffer(List<String> tokens) {
        int upper = 0;
        int wordsSeen = 0;
        for (String t : tokens) {
            if (t.chars().anyMatch(Character::isLetter)) {
                wordsSeen++;
                if (isUpper(t)) {
                    upper++;
                }
            }
        }
        return upper > 0 && upper < wordsSeen;
    }

    private static boolean isUpper(String token) {
        boolean letter = false;
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (Character.isLetter(c)) {
                letter = true;
                if (!Character.isUpperCase(c)) {
                    return false;
                }
            }
        }
        return letter && token.length() > 1;
    }

    private static String fold(String token) {
        return MARKS.matcher(Normalizer.normalize(token.toLowerCase(Locale.ROOT), Normalizer.Form.NFD))
                .replaceAll("");
    }

    /**
     * VADER's tokens: split on white space, emoji set apart, punctuation stripped from words but kept for
     * emoticons such as {@code :)} or {@code :-(}. French elided words ({@code n'aime}, {@code l'excellent}) are
     * split after the apostrophe so that {@code n} is seen as a negation and the word is looked up alone.
     */
    List<String> tokens(String text) {
        String s = text.replace('’', '\'');
        List<String> out = new ArrayList<>();
        for (String piece : s.split("\\s+")) {
            if (piece.isEmpty()) {
                continue;
            }
            StringBuilder word = new StringBuilder();
            for (int i = 0; i < piece.length(); ) {
                int cp = piece.codePointAt(i);
                int n = Character.charCount(cp);
                if (emoji.containsKey(cp)) {
                    addStripped(out, word.toString());
                    word.setLength(0);
                    out.add(new String(Character.toChars(cp)));
                } else if (cp != 0xFE0F && cp != 0x200D) {
                    word.appendCodePoint(cp);
                }
                i += n;
            }
            addStripped(out, word.toString());
        }
        return out;
    }

    private void addStripped(List<String> out, String token) {
        if (token.isEmpty()) {
            return;
        }
        int start = 0;
        int end = token.length();
        while (start < end && PUNCTUATION.indexOf(token.charAt(start)) >= 0 && token.charAt(start) != '#') {
            start++;
        }
        while (end > start && PUNCTUATION.indexOf(token.charAt(end - 1)) >= 0) {
            end--;
        }
        String stripped = token.substring(start, end);
        if (stripped.length() <= 2 && words.containsKey(token.toLowerCase(Locale.ROOT))) {
            out.add(token); // an emoticon
            return;
        }
        boolean clauseEnd = "fr".equals(language)
                && CLAUSE_PUNCTUATION
                        .matcher(stripped.isEmpty() ? token : token.substring(end))
                        .find();
        if (stripped.isEmpty()) {
            if (clauseEnd && !out.isEmpty() && !out.get(out.size() - 1).equals(CLAUSE)) {
                out.add(CLAUSE);
            }
            return;
        }
        if ("fr".equals(language)) {
            int apostrophe = stripped.indexOf('\'');
            while (apostrophe > 0 && apostrophe <= 6 && apostrophe < stripped.length() - 1) {
                out.add(stripped.substring(0, apostrophe));
                stripped = stripped.substring(apostrophe + 1);
                apostrophe = stripped.indexOf('\'');
            }
        }
        out.add(stripped);
        if (clauseEnd) {
            out.add(CLAUSE);
        }
    }

    private static final Pattern CLAUSE_PUNCTUATION = Pattern.compile("[,;:.!?…]");

    private static final class Holder {
        static final Map<String, Double> VADER = readLexicon("vader-lexicon-en.tsv");
        static final LexiconScorer ENGLISH = englishScorer();
        static final LexiconScorer FRENCH = frenchScorer();

        private static LexiconScorer englishScorer() {
            Map<String, Double> boosters = new HashMap<>();
            for (String w : List.of(
                    "absolutely",
                    "amazingly",
                    "awfully",
                    "completely",
                    "considerable",
                    "considerably",
                    "decidedly",
                    "deeply",
                    "effing",
                    "enormous",
                    "enormously",
                    "entirely",
                    "especially",
                    "exceptional",
                    "exceptionally",
                    "extreme",
                    "extremely",
                    "fabulously",
                    "flipping",
                    "flippin",
                    "frackin",
                    "fracking",
                    "fricking",
                    "frickin",
                    "frigging",
                    "friggin",
                    "fully",
                    "fuckin",
                    "fucking",
                    "fuggin",
                    "fugging",
                    "greatly",
                    "hella",
                    "highly",
                    "hugely",
                    "incredible",
                    "incredibly",
                    "intensely",
                    "major",
                    "majorly",
                    "more",
                    "most",
                    "particularly",
                    "purely",
                    "quite",
                    "really",
                    "remarkably",
                    "so",
                    "substantially",
                    "thoroughly",
                    "total",
                    "totally",
                    "tremendous",
                    "tremendously",
                    "uber",
                    "unbelievably",
                    "unusually",
                    "utter",
                    "utterly",
                    "very",
                    "super",
                    "soo",
                    "sooo",
                    "soooo")) {
                boosters.put(w, B_INCR);
            }
            for (String w : List.of(
                    "almost",
                    "barely",
                    "hardly",
                    "kinda",
                    "kindof",
                    "kind-of",
                    "less",
                    "little",
                    "marginal",
                    "marginally",
                    "occasional",
                    "occasionally",
                    "partly",
                    "scarce",
                    "scarcely",
                    "slight",
                    "slightly",
                    "somewhat",
                    "sorta",
                    "sortof",
                    "sort-of")) {
                boosters.put(w, -B_INCR);
            }
            Set<String> negations = Set.of(
                    "aint",
                    "arent",
                    "cannot",
                    "cant",
                    "couldnt",
                    "darent",
                    "didnt",
                    "doesnt",
                    "dont",
                    "hadnt",
                    "hasnt",
                    "havent",
                    "isnt",
                    "mightnt",
                    "mustnt",
                    "neither",
                    "neednt",
                    "never",
                    "none",
                    "nope",
                    "nor",
                    "not",
                    "nothing",
                    "nowhere",
                    "oughtnt",
                    "shant",
                    "shouldnt",
                    "uhuh",
                    "wasnt",
                    "werent",
                    "uh-uh",
                    "without",
                    "wont",
                    "wouldnt",
                    "rarely",
                    "seldom",
                    "despite");
            Map<String, Double> words = new HashMap<>(VADER);
            Map<String, Double> idioms = Map.of("the bomb", 3.0, "the shit", 3.0, "bad ass", 1.5, "yeah right", -2.0);
            LexiconScorer plain = new LexiconScorer(
                    "en", words, Map.of(), boosters, negations, Set.of("but"), Map.of(), Map.of(), DEFAULT_THRESHOLD);
            Map<Integer, Double> emoji = emojiValences(plain);
            return new LexiconScorer(
                    "en", words, Map.of(), boosters, negations, Set.of("but"), emoji, idioms, DEFAULT_THRESHOLD);
        }

        private static LexiconScorer frenchScorer() {
            Map<String, Double> all = readLexicon("lexicon-fr.tsv");
            Map<String, Double> words = new HashMap<>();
            Map<String, Double> prefixes = new HashMap<>();
            Map<String, Double> boosters = new HashMap<>();
            for (Map.Entry<String, Double> e : all.entrySet()) {
                String k = e.getKey();
                if (k.startsWith("booster:")) {
                    boosters.put(k.substring("booster:".length()), e.getValue());
                } else if (k.endsWith("*")) {
                    prefixes.put(k.substring(0, k.length() - 1), e.getValue());
                } else {
                    words.put(k, e.getValue());
                }
            }
            for (Map.Entry<String, Double> e : VADER.entrySet()) {
                if (!e.getKey().chars().anyMatch(Character::isLetter)) {
                    words.putIfAbsent(e.getKey(), e.getValue()); // emoticons are the same in every language
                }
            }
            Set<String> negations = Set.of(
                    "ne",
                    "n",
                    "pas",
                    "jamais",
                    "aucun",
                    "aucune",
                    "rien",
                    "sans",
                    "ni",
                    "nullement",
                    "guere",
                    "non",
                    "anti",
                    // fighting or reducing something reverses its valence: "lutter contre la pollution"
                    "lutte",
                    "luttes",
                    "lutter",
                    "luttent",
                    "luttons",
                    "combattre",
                    "reduire",
                    "reduction",
                    "diminuer",
                    "diminution",
                    "enrayer",
                    "eradiquer",
                    "prevenir",
                    "prevention"); // "personne" is mostly the noun ("une personne adorable"); "personne ne" has "ne"
            Set<String> contrasts = Set.of("mais", "cependant", "pourtant", "toutefois", "neanmoins", "sauf", "bref");
            Map<Integer, Double> emoji = emojiValences(english());
            // two-word phrases whose meaning is not the sum of their words ("pas terrible" is not praise)
            Map<String, Double> idioms = Map.ofEntries(
                    Map.entry("pas terrible", -1.5),
                    Map.entry("pas top", -1.5),
                    Map.entry("sans plus", -0.8),
                    Map.entry("pas fou", -1.2),
                    Map.entry("pas ouf", -1.2),
                    Map.entry("pas fameux", -1.4),
                    Map.entry("pas folichon", -1.4),
                    Map.entry("pas mal", 1.6), // litotes: "pas mal" is praise ("pas mal de" is rewritten first)
                    Map.entry("po mal", 1.6),
                    Map.entry("sans faute", 2.0),
                    Map.entry("trop fort", 2.4),
                    Map.entry("trop cool", 2.6),
                    Map.entry("importe quoi", -2.2),
                    Map.entry("mais bon", 0.0), // resignation, not praise: "mais bon, chacun ses goûts"
                    Map.entry("ah bon", 0.0),
                    Map.entry("bon ben", 0.0),
                    Map.entry("bon bah", 0.0),
                    Map.entry("par contre", 0.0),
                    Map.entry("nulle part", 0.0),
                    Map.entry("nul part", 0.0),
                    Map.entry("grace a", 1.0),
                    Map.entry("pale copie", -2.4),
                    Map.entry("bons sentiments", -1.0),
                    Map.entry("liste noire", -1.6),
                    Map.entry("maree noire", -2.4),
                    Map.entry("au top", 2.4),
                    Map.entry("fou rire", 2.2),
                    Map.entry("de reve", 2.2),
                    Map.entry("aucune honte", -2.4), // shameless, not praise
                    Map.entry("aucun interet", -2.4),
                    Map.entry("sans interet", -2.0),
                    Map.entry("tres moyen", -1.8),
                    Map.entry("tres moyenne", -1.8),
                    Map.entry("plutot moyen", -1.2),
                    Map.entry("plutot moyenne", -1.2),
                    Map.entry("assez moyen", -1.2),
                    Map.entry("assez moyenne", -1.2),
                    Map.entry("du lourd", 2.0),
                    Map.entry("ca dechire", 2.6),
                    Map.entry("espece protegee", 0.0),
                    Map.entry("especes protegees", 0.0),
                    Map.entry("en demeure", -1.6),
                    Map.entry("non tenue", -1.8),
                    Map.entry("non tenues", -1.8),
                    Map.entry("non tenu", -1.8),
                    Map.entry("non tenus", -1.8),
                    Map.entry("feu vert", 1.6),
                    Map.entry("en poupe", 2.0),
                    Map.entry("fait sensation", 1.8),
                    Map.entry("voeu pieux", -1.2),
                    Map.entry("vœu pieux", -1.2),
                    Map.entry("par excellence", 0.0),
                    Map.entry("la noix", -1.8),
                    // reviews: eagerness, laughing, verdicts
                    Map.entry("avec impatience", 1.8), // "j'attends la suite avec impatience"
                    Map.entry("me tarde", 1.6), // "il me tarde la saison 2"
                    Map.entry("en boucle", 1.2), // "on peut la regarder en boucle"
                    Map.entry("se marre", 2.0), // "marré" (laughed) folds to "marre" (fed up)
                    Map.entry("me marre", 2.0),
                    Map.entry("suis marre", 2.0),
                    Map.entry("est marre", 2.0),
                    Map.entry("du joli", -1.6), // ironic: "c'est du joli"
                    Map.entry("a jeter", -2.2),
                    Map.entry("a zapper", -2.0),
                    Map.entry("a eviter", -2.6),
                    Map.entry("a fuir", -2.6),
                    Map.entry("serie b", -1.4),
                    Map.entry("deja vu", -1.4),
                    Map.entry("ca traine", -1.6),
                    Map.entry("peu limite", -1.4),
                    Map.entry("tres limite", -1.6),
                    Map.entry("assez limite", -1.2),
                    Map.entry("est plat", -1.4),
                    Map.entry("sont plats", -1.4),
                    Map.entry("tres plat", -1.6),
                    Map.entry("ultra plat", -1.6),
                    Map.entry("quel interet", -1.6), // "quel intérêt ?"
                    Map.entry("zero pointe", -2.6),
                    Map.entry("tres convenu", -1.4), // "comme convenu" alone is neutral
                    Map.entry("trop convenu", -1.4),
                    Map.entry("assez convenu", -1.2),
                    Map.entry("completement convenu", -1.6),
                    Map.entry("serie dramatique", 0.0), // a genre, not a judgement
                    Map.entry("thriller dramatique", 0.0),
                    Map.entry("comedie dramatique", 0.0));
            return new LexiconScorer(
                    "fr", words, prefixes, boosters, negations, contrasts, emoji, idioms, DEFAULT_THRESHOLD);
        }

        /**
         * An emoji's valence is the summed VADER valence of its English name ("face with tears of joy"), except for
         * the emoji of {@code emoji-valences.tsv}, whose names say nothing ("pouting face") or mislead ("fire").
         */
        private static Map<Integer, Double> emojiValences(LexiconScorer english) {
            Map<Integer, Double> emoji = new HashMap<>();
            for (String line : lines("emoji-descriptions.tsv")) {
                String[] cols = line.split("\t");
                if (cols.length < 2 || cols[0].codePointCount(0, cols[0].length()) != 1) {
                    continue;
                }
                Reading r = english.read(cols[1]);
                double v = r.positive() - r.negative();
                if (v != 0) {
                    emoji.put(cols[0].codePointAt(0), Math.max(-3, Math.min(3, v)));
                }
            }
            for (String line : lines("emoji-valences.tsv")) {
                String[] cols = line.split("\t");
                emoji.put(cols[0].codePointAt(0), Double.parseDouble(cols[1]));
            }
            return emoji;
        }

        private static Map<String, Double> readLexicon(String resource) {
            Map<String, Double> map = new HashMap<>();
            for (String line : lines(resource)) {
                String[] cols = line.split("\t");
                if (cols.length < 2) {
                    throw new IllegalStateException("bad lexicon line in " + resource + ": '" + line + "'");
                }
                String key = cols[0];
                map.put(key.chars().anyMatch(Character::isLetter) ? fold(key) : key, Double.parseDouble(cols[1]));
            }
            return Map.copyOf(map);
        }

        private static List<String> lines(String resource) {
            try (InputStream in = LexiconScorer.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("missing resource " + resource);
                }
                List<String> lines = new ArrayList<>();
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                for (String line; (line = reader.readLine()) != null; ) {
                    if (!line.isBlank() && !line.startsWith("# ")) {
                        lines.add(line);
                    }
                }
                return lines;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + resource, e);
            }
        }
    }
}
