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
 * the 8,143 labelled tweets they change a handful of answers. Two English markers take back a neutral answer only:
 * an emoticon on a short post ("New update :(" is negative) and a contrast whose two sides lean opposite ways,
 * answered by the short clause after "but" ("A few slow parts, but a gripping show" is positive); the contrast costs
 * up to two more calls of the inner scorer, only for such texts. Immutable and thread-safe.
 */
final class PhrasingRules implements SentimentScorer {

    /** A question whose lexicon compound is within this distance of 0 reads neutral. */
    static final double QUESTION_MAX_COMPOUND = 0.5;
    /**
     * A post of at most this many words is short: an emoticon there says the writer's tone. The clause after a
     * contrast is read alone only when it is at most this long (a short verdict: "but a gripping show").
     */
    static final int SHORT_POST_WORDS = 8;
    /** Each side of a contrast ("but") needs at least this many words to be read on its own. */
    static final int CONTRAST_CLAUSE_WORDS = 2;

    /** Western emoticons standing alone: {@code :( :-( :'( :/ :) ;-) :D =) <3 D:}. */
    private static final Pattern EMOTICON =
            Pattern.compile("(?<!\\S)([:;=8][-'^o]?[()\\[\\]{}DPpO/\\\\|@*$3]+|<3+|</3|D:)(?!\\S)");
    /** "but" as a contrast, not "anything but", "all but", "nothing but", "but also", "but then". */
    private static final Pattern CONTRAST = Pattern.compile(
            "(?<!\\b(?:anything|all|nothing|everything|last)\\s{1,3})\\bbut\\b(?!\\s+(?:also|then|still|why|how|what)\\b)",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern CLAUSE_END = Pattern.compile("[.!?…;]");

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
    /** Whether a neutral answer is taken back by a short post's emoticon or a contrast's last clause (English). */
    private final boolean markers;

    private PhrasingRules(
            SentimentScorer inner,
            LexiconScorer lexicon,
            Map<Pattern, String> rewrites,
            List<String> cues,
            Pattern question,
            Set<String> repetition,
            Set<String> determiners,
            Set<String> problems,
            boolean markers) {
        this.markers = markers;
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
        return english(inner, true);
    }

    /**
     * English rules around {@code inner}; without {@code markers} a neutral answer is not taken back by an emoticon
     * or a contrast (the rules as they were, for evaluation).
     */
    static PhrasingRules english(SentimentScorer inner, boolean markers) {
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
                        "recall"),
                markers);
    }

    /** French rules around {@code inner}. */
    static PhrasingRules french(SentimentScorer inner) {
        Map<Pattern, String> rewrites = new java.util.LinkedHashMap<>();
        // tokenised text ("je m' attendais", "chef-d' oeuvre") is joined back first, so the phrases below match it
        rewrites.put(
                Pattern.compile(
                        "(?<=(?<![\\p{L}])(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu)['’]) +(?=\\p{L})",
                        Pattern.CASE_INSENSITIVE),
                "");
        // titles that hold praise words: a review comparing a show to a soap opera is not praising it
        rewrites.put(phrase("(les |des |un |une )?feux de l['’] ?amour"), "un feuilleton");
        rewrites.put(phrase("amour,? gloire et beaut[ée]"), "un feuilleton");
        rewrites.put(phrase("plus belle la vie"), "un feuilleton");
        // regret that a show ended is praise: "dommage qu'il n'y ait qu'une saison"
        rewrites.put(
                phrase(
                        "dommage ?,? (que |qu['’] ?)[^.!?]{0,60}?(arr[êe]t|fini|termin|une (seule )?saison|plus de saisons"
                                + "|(pas|plus) (eu )?de suite|plus diffus|si peu|pas assez|trop court|plus d['’] ?[ée]toiles)"
                                + "\\p{L}*"),
                "");
        rewrites.put(
                phrase(
                        "(impossible|difficile|dur|du mal|de mal) (de |d['’] ?|à |a )(m['’] ?|s['’] ?|nous |vous |t['’] ?)?"
                                + "(en )?(d[ée]crocher|arr[êe]ter|passer|l[âa]cher)"),
                "captivant"); // "on a du mal à s'arrêter", "impossible de décrocher"
        rewrites.put(
                phrase(
                        "(du |de )mal (à|a) (y |m['’] ?y |l['’] ?|s['’] ?y )?(accrocher|rentrer|entrer|croire|suivre|adhérer)"),
                "pas accroché"); // "j'ai du mal à accrocher"
        rewrites.put(
                phrase("d[ée]croch(e|é|ée|és|es|ent|er|ons|ez|ait|aient)"
                        + "(?!\\s+(un|une|le|la|les|des|l['’]|d['’]|sa|son|ses|leur|leurs|du|en|à|a)(?![\\p{L}]))"),
                "lassé"); // "j'ai décroché", "je décroche" (not "décrocher un contrat")
        rewrites.put(phrase("(n['’] ?(a|ai|as|ont|avons|avez|aura) )?pas le temps de s['’] ?ennuyer"), "captivant");
        rewrites.put(phrase("(il n['’] ?y a |il y a |y a |y['’] ?a )(pas|rien de) mieux"), "excellent");
        rewrites.put(phrase("tir[ée]e?s? par les cheveux"), "invraisemblable");
        rewrites.put(phrase("laisse(nt|r|ait)? (\\p{L}+ )?(à|a) d[ée]sirer"), "est insuffisant");
        rewrites.put(
                phrase("(n['’] ?est|ne sont|n['’] ?était|n['’] ?etait|n['’] ?étaient) (\\p{L}+ )?pas au rendez-vous"),
                "est décevant");
        rewrites.put(phrase("(est|sont|était|etait|étaient) (bien |toujours |aussi )?au rendez-vous"), "est réussi");
        rewrites.put(phrase("(en|au)[- ]dessous de la moyenne"), "médiocre");
        // "le seul point positif", "le seul intérêt": the rest is blame
        rewrites.put(
                phrase("(le |mon |son )?seul (point positif|intérêt|interet|avantage|atout|bon point|mérite|merite)"),
                "médiocre");
        // "terrible" is praise in familiar speech ("franchement terrible !") and blame in news ("c'est vraiment
        // terrible
        // pour les victimes"): after an intensifier or a verb it says nothing sure; before a noun it stays blame
        rewrites.put(
                phrase("(vraiment|franchement|trop|grave|juste|carrément|carrement) terribles?"),
                "vraiment saisissant");
        rewrites.put(
                phrase("(est|sont|était|etait|étaient|etaient) terribles?(?! (de|d['’]|pour|à|a))"), "est saisissant");
        rewrites.put(
                phrase("comment (ne pas|ne peut-on pas|ne pourrait-on pas) (rire|rigoler|craquer|aimer|adorer|apprécier"
                        + "|succomber|fondre|accrocher)"),
                "irrésistible");
        rewrites.put(phrase("(fait|fais|faire|font|fera|ferait) (rire et |sourire et |rire ou )pleurer"), "émouvant");
        rewrites.put(
                phrase("(beau|belle|beaux|belles|poétiques?|émouvante?s?|touchante?s?) (à|a) pleurer"), "bouleversant");
        // what could have been: "aurait pu être grandiose", "avait tout pour plaire" (not "aurait pu être pire")
        rewrites.put(phrase("(aurait|auraient|aurais) pu (être|etre|devenir)(?! pire)"), "n'est pas");
        rewrites.put(phrase("avai(t|ent) tout pour (réussir|reussir|plaire|séduire|seduire|cartonner)"), "a déçu");
        rewrites.put(
                phrase("va(ut|ux|lent) pas (des masses|grand[- ]chose|un clou|tripette|un pet de lapin)"),
                "est pas recommandable");
        rewrites.put(phrase("pas grand[- ]chose(?! (à|a) (redire|reprocher|dire de mal))"), "pas terrible");
        rewrites.put(phrase("ni queue ni t[êe]te"), "pas cohérent"); // "n'a ni queue ni tête": one negation
        rewrites.put(phrase("tourne(nt)? en rond"), "répétitif");
        rewrites.put(phrase("se laisse(nt)? (regarder|voir)"), "agréable");
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
                phrase(
                        "(à|a) voir (d['’]urgence|de toute urgence|(à|a) tout pri[xs]|sans hésiter|sans hesiter|et (à|a) revoir)"),
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
        rewrites.put(phrase("(0|1|zéro|zero|une seule|une demi|une) (demi[- ])?[ée]toiles?"), "nul");
        rewrites.put(phrase("(3|trois) [ée]toiles?"), "correct");
        rewrites.put(phrase("(4|5|quatre|cinq) [ée]toiles?"), "excellent");
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
                        "toile",
                        "amour",
                        "belle la vie",
                        "dommage",
                        "mal",
                        "croch",
                        "ennuyer",
                        "cheveux",
                        "terrible",
                        "sirer",
                        "rendez-vous",
                        "moyenne",
                        "seul",
                        "comment",
                        "pleurer",
                        "pu ",
                        "tout pour",
                        "chose",
                        "vau",
                        "valent",
                        "queue",
                        "rond",
                        "laisse",
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
                        "incidents"),
                false);
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
        if (markers && s.label() == SentimentLabel.NEUTRAL) {
            int emoticon = shortPostEmoticonSign(plain, reading);
            if (emoticon != 0) {
                return new Sentiment(
                        emoticon > 0 ? SentimentLabel.POSITIVE : SentimentLabel.NEGATIVE,
                        reading.compound(),
                        s.method());
            }
            Contrast contrast = contrast(plain);
            if (contrast != null) {
                Sentiment last = inner.score(contrast.after());
                if (last.label() != SentimentLabel.NEUTRAL) {
                    double sign = last.label() == SentimentLabel.POSITIVE ? 1 : -1;
                    if (inner.score(contrast.before()).score() * sign < 0) {
                        return new Sentiment(last.label(), sign * Math.abs(last.score()), s.method());
                    }
                }
            }
        }
        return s;
    }

    /**
     * The sign (+1, -1) of the emoticons of a short post when they all agree with each other and with the lexicon's
     * polar reading of the whole post (|compound| at least the lexicon's neutral threshold), else 0 ("New update :(" is a complaint; "Nice phone :(" says nothing sure). Emoji are
     * left to the model: on the tweets they were as often decoration (🔥, 🤓) as tone.
     */
    int shortPostEmoticonSign(String text, LexiconScorer.Reading reading) {
        if (Math.abs(reading.compound()) < LexiconScorer.DEFAULT_THRESHOLD
                || TOKEN.matcher(text).results().count() > SHORT_POST_WORDS) {
            return 0;
        }
        int sign = 0;
        Matcher m = EMOTICON.matcher(text);
        while (m.find()) {
            sign = agree(sign, lexicon.read(m.group()).compound());
            if (sign == 2) {
                return 0;
            }
        }
        return sign != 0 && sign == Math.signum(reading.compound()) ? sign : 0;
    }

    /** The running sign of the marks seen, 2 when two disagree. */
    private static int agree(int sign, double valence) {
        int s = (int) Math.signum(valence);
        if (s == 0 || sign == 0) {
            return s == 0 ? sign : s;
        }
        return s == sign ? sign : 2;
    }

    /** The two sides of a contrast: "A few slow parts," and "a gripping show". */
    record Contrast(String before, String after) {}

    /**
     * The two sides of the first contrasting "but" of a text: what comes before it in its sentence, and the clause
     * after the sentence's last "but", up to the sentence end ("A few slow parts, but a gripping show"); null when there
     * is none, a side is shorter than {@link #CONTRAST_CLAUSE_WORDS} or the clause after is longer than
     * {@link #SHORT_POST_WORDS} words. What follows "but" is what the writer means to weigh more (as in VADER's own
     * rule); a sentence-initial "But" has no first side and is left alone.
     */
    static Contrast contrast(String text) {
        if (!text.toLowerCase(Locale.ROOT).contains("but")) {
            return null;
        }
        Matcher m = CONTRAST.matcher(text);
        if (!m.find()) {
            return null;
        }
        int sentenceStart = 0;
        Matcher ends = CLAUSE_END.matcher(text);
        while (ends.find() && ends.end() <= m.start()) {
            sentenceStart = ends.end();
        }
        String before = text.substring(sentenceStart, m.start()).strip();
        int start = m.end();
        Matcher end = CLAUSE_END.matcher(text);
        String after = end.find(start) ? text.substring(start, end.start()) : text.substring(start);
        Matcher again = CONTRAST.matcher(after);
        while (again.find()) { // "X but Y but Z": Z
            after = after.substring(again.end());
            again = CONTRAST.matcher(after);
        }
        after = after.strip();
        return words(before) >= CONTRAST_CLAUSE_WORDS
                        && words(after) >= CONTRAST_CLAUSE_WORDS
                        && words(after) <= SHORT_POST_WORDS
                ? new Contrast(before, after)
                : null;
    }

    private static long words(String text) {
        return TOKEN.matcher(text).results().count();
    }
}
