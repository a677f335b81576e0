package dev.vigie.nlp.sentiment;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns of phrase that word-level models and lexicons read backwards, handled in front of and after a language's
 * scorer: litotes rewritten to what they mean before scoring ("can't complain" is praise, "je m'attendais à pire"
 * is relief), a plain question with no strong sentiment word read as neutral ("Does this camera support RAW
 * files?"), and ironic praise of a repeated problem read as negative ("Super, encore une panne. Génial."). The
 * lists are short and explicit: each entry is a specification test ({@code PhrasingRulesTest}). The two label rules
 * only take back a positive answer (a question that complains, "Why does it keep crashing?", stays negative): on
 * the 8,143 labelled tweets they change a handful of answers. Immutable and thread-safe.
 */
final class PhrasingRules implements SentimentScorer {

    /** A question whose lexicon compound is within this distance of 0 reads neutral. */
    static final double QUESTION_MAX_COMPOUND = 0.5;

    private static final Pattern SENTENCE_END = Pattern.compile("[.!?…]+\\s+\\S");
    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}'’]+");

    private final SentimentScorer inner;
    private final LexiconScorer lexicon;
    private final Map<Pattern, String> rewrites;
    /** Every rewrite's match contains one of these (lower case): a text with none is not searched. */
    private final List<String> cues;

    private final Pattern question;
    private final Set<String> repetition;
    /** When not empty, a repetition word must be followed by one of these ("encore une panne", not "encore mieux"). */
    private final Set<String> determiners;

    private final Set<String> problems;

    private PhrasingRules(
            SentimentScorer inner,
            LexiconScorer lexicon,
            Map<Pattern, String> rewrites,
            List<String> cues,
            Pattern question,
            Set<String> repetition,
            Set<String> determiners,
            Set<String> problems) {
        this.inner = inner;
        this.lexicon = lexicon;
        this.rewrites = rewrites;
        this.cues = cues;
        this.question = question;
        this.repetition = repetition;
        this.determiners = determiners;
        this.problems = problems;
    }

    private static Pattern phrase(String regex) {
        return Pattern.compile(
                "(?<![\\p{L}'’])" + regex + "(?![\\p{L}])", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /** English rules around {@code inner}. */
    static PhrasingRules english(SentimentScorer inner) {
        String apos = "['’]";
        Map<Pattern, String> rewrites = new java.util.LinkedHashMap<>();
        rewrites.put(phrase("(can" + apos + "?t|cannot|can not) complain"), "quite happy");
        rewrites.put(phrase("no complaints"), "quite happy");
        rewrites.put(
                phrase("(could(n" + apos + "?t| not)) (be|have been) (happier|better|more pleased|more satisfied)"),
                "extremely happy");
        rewrites.put(phrase("(could(n" + apos + "?t| not)) (be|have been) worse"), "terrible");
        rewrites.put(phrase("could (be|have been) worse"), "fairly good");
        rewrites.put(phrase("not (the|my) worst"), "pretty good");
        rewrites.put(phrase("not bad at all"), "good");
        rewrites.put(phrase("not too shabby"), "good");
        rewrites.put(
                phrase("expected (much |a lot |way |far |so much )?better"),
                "was disappointed"); // "je m'attendais à mieux"
        Pattern question = Pattern.compile(
                "^(does|do|did|is|are|was|were|can|could|will|would|should|shall|has|have|had|"
                        + "how|what|when|where|which|who|whom|whose|why|anyone|anybody|any)\\b",
                Pattern.CASE_INSENSITIVE);
        return new PhrasingRules(
                inner,
                LexiconScorer.english(),
                rewrites,
                List.of("complain", "could", "worst", "not bad at all", "shabby", "expected"),
                question,
                Set.of("another", "again", "yet"),
                Set.of(),
                Set.of(
                        "outage",
                        "outages",
                        "crash",
                        "crashed",
                        "crashes",
                        "bug",
                        "bugs",
                        "delay",
                        "delayed",
                        "delays",
                        "downtime",
                        "glitch",
                        "glitches",
                        "error",
                        "errors",
                        "failure",
                        "breakdown",
                        "cancelled",
                        "canceled",
                        "cancellation",
                        "leak",
                        "strike",
                        "recall"));
    }

    /** French rules around {@code inner}. */
    static PhrasingRules french(SentimentScorer inner) {
        Map<Pattern, String> rewrites = new java.util.LinkedHashMap<>();
        rewrites.put(phrase("(je m['’]|j['’]m['’]|m['’])attendais (à|a) pire"), "bonne surprise");
        rewrites.put(
                phrase("(je )?(ne |n['’])?(peux|peut|pouvons|pouvez|pourrais) pas (me |nous |vous |se )?plaindre"),
                "satisfait");
        rewrites.put(phrase("rien (à|a) redire"), "parfait");
        rewrites.put(phrase("rien (à|a) reprocher"), "parfait");
        rewrites.put(phrase("(ça|ca|c['’]est) aurait pu être pire"), "correct");
        // the mirror of "je m'attendais à pire": expectations not met
        rewrites.put(
                phrase(
                        "(je m['’]|on s['’]|j['’]m['’]|m['’]|s['’])attend(ais|ait|ions) (à|a) (beaucoup |bien |tellement )?mieux"),
                "déçu");
        rewrites.put(phrase("(j['’]|on )esp[ée]r(ais|ait) (beaucoup |bien |tellement )?mieux"), "déçu");
        rewrites.put(phrase("loin d['’](être|etre)"), "pas"); // "loin d'être drôle" ("de loin le meilleur" is praise)
        rewrites.put(phrase("pas mal (de|d(?=['’]))"), "beaucoup de"); // a quantity, not the litotes "pas mal"
        rewrites.put(phrase("chef[- ]d['’](œ|oe)uvre"), "merveille");
        rewrites.put(phrase("coup de c(œ|oe)ur"), "favori");
        rewrites.put(phrase("(à|a) ne (pas|surtout pas) (manquer|rater|louper)"), "incontournable");
        rewrites.put(phrase("(à|a) voir absolument"), "incontournable");
        rewrites.put(phrase("pass(ez|e|er) (votre|ton|son) chemin"), "à éviter");
        rewrites.put(phrase("s['’]il (vous|te) pla[iî]t"), "");
        rewrites.put(phrase("(est|sont) (à|a) voir"), "est recommandable");
        rewrites.put(
                phrase("(à|a) voir (d['’]urgence|(à|a) tout pri[xs]|sans hésiter|sans hesiter|et (à|a) revoir)"),
                "incontournable");
        rewrites.put(phrase("vivement (la fin|que (ça|ca|cela) s['’]arr[êe]te)"), "lassant");
        rewrites.put(phrase("peu(t|vent|x) mieux faire"), "insuffisant");
        rewrites.put(phrase("(mort|morte|morts|mortes|mourir|mourrir|meurs|meurt) de rire"), "hilarant");
        rewrites.put(phrase("(à )?couper le souffle"), "époustouflant");
        rewrites.put(phrase("prend aux tripes"), "captivant");
        rewrites.put(phrase("tien(t|nent|drait) pas la route"), "est pas solide");
        rewrites.put(phrase("tien(t|nent|drait) la route"), "est solide");
        rewrites.put(phrase("(à|a) la hauteur(?! d)"), "satisfaisant"); // not "à la hauteur de la gare"
        rewrites.put(
                phrase("vu (bien |nettement |beaucoup |largement |tellement )?mieux"),
                "vu médiocre"); // "j'ai vu mieux"
        rewrites.put(phrase("va(u|ut|ux|lait|udra|udrait) pas (le coup|le détour|la peine)"), "est pas recommandable");
        rewrites.put(
                phrase("va(u|ut|ux|lait|udra|udrait) (vraiment |bien |largement )?(le coup|le détour|la peine)"),
                "est recommandable");
        rewrites.put(
                phrase("co[uû]t(e|ent|ait|aient|er) (une fortune|les yeux de la t[êe]te|la peau des fesses|un bras)"),
                "est trop cher");
        rewrites.put(phrase("(feriez|ferais|ferait|ferions|feraient) mieux de"), "devriez");
        // a star rating: none or one star is a bad mark, four or five a good one
        rewrites.put(phrase("(0|1|zéro|zero|une seule|une demi|une) (demi[- ])?étoiles?"), "nul");
        rewrites.put(phrase("(4|5|quatre|cinq) étoiles"), "excellent");
        Pattern question = Pattern.compile(
                "^(est[- ]ce|quel|quelle|quels|quelles|comment|quand|où|ou est|pourquoi|combien|"
                        + "qui|que|qu['’]|y a[- ]t[- ]il|peut[- ]on|faut[- ]il|savez[- ]vous|sais[- ]tu|avez[- ]vous|as[- ]tu)",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        return new PhrasingRules(
                inner,
                LexiconScorer.french(),
                rewrites,
                List.of(
                        "attend",
                        "plaindre",
                        "redire",
                        "reprocher",
                        "pire",
                        "mieux",
                        "loin",
                        "pas mal",
                        "chef",
                        "coup",
                        "manquer",
                        "rater",
                        "louper",
                        "voir",
                        "chemin",
                        "pla",
                        "vivement",
                        "peine",
                        "détour",
                        "fortune",
                        "tête",
                        "tete",
                        "fesses",
                        "bras",
                        "étoile",
                        "rire",
                        "souffle",
                        "tripes",
                        "route",
                        "hauteur"),
                question,
                Set.of("encore", "nouveau", "nouvelle"),
                Set.of("un", "une", "des", "de", "du", "la", "le", "les", "l", "d", "l'", "d'", "l’", "d’", "en"),
                Set.of(
                        "panne",
                        "pannes",
                        "bug",
                        "bugs",
                        "bogue",
                        "retard",
                        "retards",
                        "plantage",
                        "plante",
                        "crash",
                        "grève",
                        "greve",
                        "coupure",
                        "coupures",
                        "erreur",
                        "erreurs",
                        "annulé",
                        "annulée",
                        "annulation",
                        "fuite",
                        "incident",
                        "incidents"));
    }

    /** The text with its litotes replaced by what they mean. */
    String rewrite(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (cues.stream().noneMatch(lower::contains)) {
            return text;
        }
        String out = text;
        for (Map.Entry<Pattern, String> e : rewrites.entrySet()) {
            Matcher m = e.getKey().matcher(out);
            if (m.find()) {
                out = m.replaceAll(Matcher.quoteReplacement(e.getValue()));
            }
        }
        return out;
    }

    /** A single sentence ending with "?" that starts like a question. */
    boolean isPlainQuestion(String text) {
        String t = text.strip();
        return t.endsWith("?")
                && !SENTENCE_END.matcher(t).find()
                && question.matcher(t).find();
    }

    /** A problem word (or a word the lexicon reads negative) within three words after "encore", "another"... */
    boolean praisesARepeatedProblem(String text, LexiconScorer.Reading reading) {
        if (reading.positive() == 0) {
            return false;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (repetition.stream().noneMatch(lower::contains)) {
            return false;
        }
        List<String> tokens = TOKEN.matcher(text.toLowerCase(Locale.ROOT))
                .results()
                .map(java.util.regex.MatchResult::group)
                .toList();
        for (int i = 0; i < tokens.size(); i++) {
            if (!repetition.contains(tokens.get(i))) {
                continue;
            }
            if (!determiners.isEmpty()
                    && tokens.get(i).equals("encore")
                    && (i + 1 >= tokens.size() || !determiners.contains(tokens.get(i + 1)))) {
                continue; // "encore insuffisant", "encore mieux": a degree, not a repeated event
            }
            for (int j = i + 1; j <= i + 3 && j < tokens.size(); j++) {
                String w = tokens.get(j);
                if (problems.contains(w) || lexicon.read(w).compound() < 0) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public Sentiment score(String text) {
        if (text == null || text.isBlank()) {
            return inner.score(text);
        }
        String plain = rewrite(text);
        LexiconScorer.Reading reading = lexicon.read(plain);
        Sentiment s = inner == lexicon ? lexicon.sentiment(reading) : inner.score(plain);
        if (s.label() == SentimentLabel.POSITIVE
                && isPlainQuestion(plain)
                && Math.abs(reading.compound()) < QUESTION_MAX_COMPOUND) {
            return new Sentiment(SentimentLabel.NEUTRAL, 0, s.method());
        }
        if (s.label() == SentimentLabel.POSITIVE && praisesARepeatedProblem(plain, reading)) {
            return new Sentiment(SentimentLabel.NEGATIVE, -Math.max(0.5, Math.abs(s.score())), s.method());
        }
        return s;
    }
}
