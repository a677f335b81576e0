package dev.vigie.nlp.sentiment;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
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
 * the 8,143 labelled tweets they change a handful of answers. English markers: an emoticon on a short post ("New
 * update :(" is negative) and a "but"-contrast whose two sides lean opposite ways, answered by the short clause after
 * "but" ("A few slow parts, but a gripping show" is positive), take back a neutral answer only; a contrast marked by
 * "however", "nevertheless", "yet", a sentence-initial "Still," or a concession ("although", "even though",
 * "though") is answered by the side the writer weighs more, over a polar answer too, when the two sides lean opposite
 * ways ("The screen is gorgeous; however, the battery dies by noon" is negative); sarcasm (a praise opening followed
 * by a problem: "Oh great, the app crashed again"; a loved wait; "Yeah right, ...") turns a positive or neutral
 * answer negative. A contrast costs up to two more calls of the inner scorer, only for such texts; each marker is
 * gated by a cheap cue-word check. Immutable and thread-safe.
 */
final class PhrasingRules implements SentimentScorer {

    /** A question whose lexicon compound is within this distance of 0 reads neutral. */
    static final double QUESTION_MAX_COMPOUND = 0.5;
    /**
     * A post of at most this many words is short: an emoticon there says the writer's tone. The clause after a
     * contrast is read alone only when it is at most this long (a short verdict: "but a gripping show").
     */
    static final int SHORT_POST_WORDS = 8;
    /**
     * "The battery, though, dies by noon": an aside in a subject of at most this many words; after a longer first
     * part ("The screen is gorgeous, however, the battery dies") the adverb joins two statements.
     */
    static final int ASIDE_SUBJECT_WORDS = 3;
    /**
     * A clause longer than this (characters) is not searched for a contrast beyond "but": a verdict is short, and the
     * search stays linear on a long article.
     */
    static final int CONTRAST_CLAUSE_CHARS = 300;
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

    private static final int CI = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    /**
     * A praise word opening a post, alone before a comma or a sentence end: "Great,", "Oh great,", "Just great.",
     * "Wonderful!", "Oh joy,", "Thanks a lot,". Leading @mentions are skipped.
     */
    private static final Pattern PRAISE_OPENING = Pattern.compile(
            "^(?:@\\w+\\s+)*(?:oh,?\\s+|well,?\\s+|just\\s+|so\\s+|yay,?\\s+)?"
                    + "(?:great|wonderful|fantastic|perfect|brilliant|awesome|lovely|terrific|marvell?ous|fabulous|"
                    + "splendid|super|joy|yay|thanks a lot|thanks so much|thank you so much|thanks)"
                    + "(?:\\s+(?:job|news|timing|stuff))?\\s*[,.!…]",
            CI);
    /** Sarcasm opening a post: "Yeah right, ...". */
    private static final Pattern YEAH_RIGHT = Pattern.compile("^(?:@\\w+\\s+)*(?:yeah|yea|ya),?\\s+right\\b", CI);
    /** Sarcasm closing a claim: "..., said no one ever". */
    private static final Pattern SAID_NO_ONE_EVER = Pattern.compile("\\bsaid no(?:\\s+one|body)\\s+ever\\b", CI);
    /** Loving a wait: "Love waiting 40 minutes on hold" (but "Love waiting for Friday" is not a wait endured). */
    private static final Pattern LOVED_WAIT = Pattern.compile(
            "\\b(?:love|loving|enjoy|enjoying|adore)\\s+(?:(?:being|getting)\\s+)?(?:waiting|stuck|put on hold|kept waiting)\\b",
            CI);
    /** What makes a wait endured, within {@link #WAIT_CUE_CHARS} characters after the loved wait. */
    private static final Pattern WAIT_CUE = Pattern.compile(
            "\\b(?:on hold|in (?:a |the )?(?:queue|line|traffic)|\\d+\\s*(?:min|mins|minutes|hours?|hrs?|days))\\b",
            CI);

    private static final int WAIT_CUE_CHARS = 60;
    /** Words that end a problem: after them, "Great, the update fixed the crash." is praise, not sarcasm. */
    private static final Set<String> RESOLUTION = Set.of(
            "fix",
            "fixed",
            "fixes",
            "fixing",
            "solved",
            "solves",
            "resolved",
            "restored",
            "repaired",
            "sorted",
            "back",
            "over",
            "avoided",
            "prevented",
            "survived",
            "recovered");
    /** Negations right before a problem word: "Great, no crashes so far." */
    private static final Set<String> NO = Set.of(
            "no", "not", "never", "without", "zero", "nor", "isn't", "wasn't", "didn't", "doesn't", "won't", "hasn't",
            "haven't", "isn’t", "wasn’t", "didn’t", "doesn’t", "won’t");

    /** Cue words of the contrasts beyond "but" (lower case): a text with none is not searched. */
    private static final List<String> CONTRAST_CUES =
            List.of("however", "nevertheless", "nonetheless", "though", "yet", "still");
    /** A sentence opened by a concession: "Although the delivery was late, the product is excellent". */
    private static final Pattern CONCESSION_FIRST =
            Pattern.compile("^(?:although|even though|though)\\s+([^,]+),(.+)$", CI);
    /** A concession after the point: "The product is excellent, although the delivery was late". */
    private static final Pattern CONCESSION_AFTER = Pattern.compile(
            "^(.+?)(?<!\\bas)(?<!\\beven),?\\s+(?:although|even though|though)\\s+(?!(?:and|or|but|so)\\b)(.+)$", CI);
    /** A sentence opened by a contrasting adverb: "However, the battery dies by noon". */
    private static final Pattern ADVERB_FIRST =
            Pattern.compile("^(?:however|nevertheless|nonetheless|still|yet),\\s*(.+)$", CI);
    /**
     * A contrast inside a sentence: "Cheap, yet surprisingly sturdy", "The screen is gorgeous, however, the battery
     * dies"; not "yet another", "not yet", nor "however minor" (no matter how).
     */
    private static final Pattern ADVERB_INSIDE = Pattern.compile(
            "^(.+?)(?:,|\\band)\\s+(?:(?:however|nevertheless|nonetheless),|yet\\b,?)\\s+"
                    + "(?!(?:another|again|to|more|most|even|still)\\b)(.+)$",
            CI);
    /** "though" / "however" as an adverb: "The battery, though, dies by noon", "The battery dies by noon though". */
    private static final Pattern ADVERB_ASIDE =
            Pattern.compile("^(.+?)(?:,\\s*(?:though|however)\\s*,|,?\\s+though\\s*$)(.*)$", CI);

    private static final Pattern SENTENCE_END = Pattern.compile("[.!?…]+\\s+\\S");
    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}'’]+");

    private final SentimentScorer inner;
    private final LexiconScorer lexicon;
    private final Pattern[] patterns;
    private final String[] replacements;
    /** Every rewrite's match contains one of these (lower case): a text with none is not searched. */
    private final List<String> cues;
    /** The cue words of single rewrites (lower case), each once. */
    private final String[] rewriteCues;
    /**
     * Per rewrite, the indexes in {@link #rewriteCues} of its own cue words, one of which each of its matches
     * contains: a rewrite none of whose cues is in the text is not searched; null: searched whenever {@link #cues}
     * let the text through.
     */
    private final BitSet[] gates;

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
            Rewrites rewrites,
            List<String> cues,
            Pattern question,
            Set<String> repetition,
            Set<String> determiners,
            Set<String> problems,
            boolean markers) {
        this.markers = markers;
        this.inner = inner;
        this.lexicon = lexicon;
        this.patterns = rewrites.patterns.toArray(Pattern[]::new);
        this.replacements = rewrites.replacements.toArray(String[]::new);
        this.cues = cues;
        List<String> own =
                rewrites.cues.stream().flatMap(List::stream).distinct().toList();
        this.rewriteCues = own.toArray(String[]::new);
        this.gates = rewrites.cues.stream()
                .map(c -> {
                    if (c.isEmpty()) {
                        return null;
                    }
                    BitSet gate = new BitSet(own.size());
                    c.forEach(cue -> gate.set(own.indexOf(cue)));
                    return gate;
                })
                .toArray(BitSet[]::new);
        this.question = question;
        this.repetition = repetition;
        this.determiners = determiners;
        this.problems = problems;
    }

    /** A language's rewrites in the order they apply, each with its cue words (none: no cue of its own). */
    private static final class Rewrites {
        private final List<Pattern> patterns = new ArrayList<>();
        private final List<String> replacements = new ArrayList<>();
        private final List<List<String>> cues = new ArrayList<>();

        /** Rewrites {@code pattern}'s matches to {@code replacement}; each match contains one of {@code cues}. */
        void put(Pattern pattern, String replacement, String... cues) {
            for (String cue : cues) {
                if (cue.isEmpty() || !cue.equals(cue.toLowerCase(Locale.ROOT))) {
                    throw new IllegalArgumentException("a cue word is not empty and in lower case: '" + cue + "'");
                }
            }
            patterns.add(pattern);
            replacements.add(replacement);
            this.cues.add(List.of(cues));
        }
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
     * English rules around {@code inner}; without {@code markers} no emoticon, contrast or sarcasm marker is read (the
     * rules as they were before them, for evaluation).
     */
    static PhrasingRules english(SentimentScorer inner, boolean markers) {
        String apos = "['’]";
        Rewrites rewrites = new Rewrites();
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
        rewrites.put(phrase("(can" + apos + "?t|cannot|can not|could(n" + apos + "?t| not)) fault"), "praise");
        rewrites.put(
                phrase(
                        "never (disappoints|disappointed|fails to (impress|amaze|deliver|please)|lets (me|us|you) down)"),
                "always impresses");
        rewrites.put(phrase("thanks( a lot| so much| very much)? for nothing"), "useless");
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
                List.of(
                        "complain",
                        "could",
                        "worst",
                        "not bad at all",
                        "shabby",
                        "expected",
                        "fault",
                        "never",
                        "nothing"),
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
                        "recall",
                        "broke",
                        "broken",
                        "breaks",
                        "crashing",
                        "stuck",
                        "failed",
                        "fails"),
                markers);
    }

    /** French rules around {@code inner}. */
    static PhrasingRules french(SentimentScorer inner) {
        Rewrites rewrites = new Rewrites();
        // tokenised text ("je m' attendais", "chef-d' oeuvre") is joined back first, so the phrases below match it
        rewrites.put(
                Pattern.compile(
                        "(?<=(?<![\\p{L}])(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu)['’]) +(?=\\p{L})",
                        Pattern.CASE_INSENSITIVE),
                "",
                "' ",
                "’ ");
        // titles that hold praise words: a review comparing a show to a soap opera is not praising it
        rewrites.put(phrase("(les |des |un |une )?feux de l['’] ?amour"), "un feuilleton", "amour");
        rewrites.put(phrase("amour,? gloire et beaut[ée]"), "un feuilleton", "amour");
        rewrites.put(phrase("plus belle la vie"), "un feuilleton", "belle la vie");
        // regret that a show ended is praise: "dommage qu'il n'y ait qu'une saison"
        rewrites.put(
                phrase(
                        "dommage ?,? (que |qu['’] ?)[^.!?]{0,60}?(arr[êe]t|fini|termin|une (seule )?saison|plus de saisons"
                                + "|(pas|plus) (eu )?de suite|plus diffus|si peu|pas assez|trop court|plus d['’] ?[ée]toiles)"
                                + "\\p{L}*"),
                "",
                "dommage");
        rewrites.put(
                phrase(
                        "(impossible|difficile|dur|du mal|de mal) (de |d['’] ?|à |a )(m['’] ?|s['’] ?|nous |vous |t['’] ?)?"
                                + "(en )?(d[ée]crocher|arr[êe]ter|passer|l[âa]cher)"),
                "captivant",
                "arr",
                "passer",
                "cher"); // "on a du mal à s'arrêter", "impossible de décrocher"
        rewrites.put(
                phrase(
                        "(du |de )mal (à|a) (y |m['’] ?y |l['’] ?|s['’] ?y )?(accrocher|rentrer|entrer|croire|suivre|adhérer)"),
                "pas accroché",
                "mal"); // "j'ai du mal à accrocher"
        rewrites.put(
                phrase("d[ée]croch(e|é|ée|és|es|ent|er|ons|ez|ait|aient)"
                        + "(?!\\s+(un|une|le|la|les|des|l['’]|d['’]|sa|son|ses|leur|leurs|du|en|à|a)(?![\\p{L}]))"),
                "lassé",
                "croch"); // "j'ai décroché", "je décroche" (not "décrocher un contrat")
        rewrites.put(
                phrase("(n['’] ?(a|ai|as|ont|avons|avez|aura) )?pas le temps de s['’] ?ennuyer"),
                "captivant",
                "ennuyer");
        rewrites.put(phrase("(il n['’] ?y a |il y a |y a |y['’] ?a )(pas|rien de) mieux"), "excellent", "mieux");
        rewrites.put(phrase("tir[ée]e?s? par les cheveux"), "invraisemblable", "cheveux");
        rewrites.put(phrase("laisse(nt|r|ait)? (\\p{L}+ )?(à|a) d[ée]sirer"), "est insuffisant", "sirer");
        rewrites.put(
                phrase("(n['’] ?est|ne sont|n['’] ?était|n['’] ?etait|n['’] ?étaient) (\\p{L}+ )?pas au rendez-vous"),
                "est décevant",
                "rendez-vous");
        rewrites.put(
                phrase("(est|sont|était|etait|étaient) (bien |toujours |aussi )?au rendez-vous"),
                "est réussi",
                "rendez-vous");
        rewrites.put(phrase("(en|au)[- ]dessous de la moyenne"), "médiocre", "moyenne");
        // "le seul point positif", "le seul intérêt": the rest is blame
        rewrites.put(
                phrase("(le |mon |son )?seul (point positif|intérêt|interet|avantage|atout|bon point|mérite|merite)"),
                "médiocre",
                "seul");
        // "terrible" is praise in familiar speech ("franchement terrible !") and blame in news ("c'est vraiment
        // terrible
        // pour les victimes"): after an intensifier or a verb it says nothing sure; before a noun it stays blame
        rewrites.put(
                phrase("(vraiment|franchement|trop|grave|juste|carrément|carrement) terribles?"),
                "vraiment saisissant",
                "terrible");
        rewrites.put(
                phrase("(est|sont|était|etait|étaient|etaient) terribles?(?! (de|d['’]|pour|à|a))"),
                "est saisissant",
                "terrible");
        rewrites.put(
                phrase("comment (ne pas|ne peut-on pas|ne pourrait-on pas) (rire|rigoler|craquer|aimer|adorer|apprécier"
                        + "|succomber|fondre|accrocher)"),
                "irrésistible",
                "comment");
        rewrites.put(
                phrase("(fait|fais|faire|font|fera|ferait) (rire et |sourire et |rire ou )pleurer"),
                "émouvant",
                "pleurer");
        rewrites.put(
                phrase("(beau|belle|beaux|belles|poétiques?|émouvante?s?|touchante?s?) (à|a) pleurer"),
                "bouleversant",
                "pleurer");
        // what could have been: "aurait pu être grandiose", "avait tout pour plaire" (not "aurait pu être pire")
        rewrites.put(phrase("(aurait|auraient|aurais) pu (être|etre|devenir)(?! pire)"), "n'est pas", "pu ");
        rewrites.put(
                phrase("avai(t|ent) tout pour (réussir|reussir|plaire|séduire|seduire|cartonner)"),
                "a déçu",
                "tout pour");
        rewrites.put(
                phrase("va(ut|ux|lent) pas (des masses|grand[- ]chose|un clou|tripette|un pet de lapin)"),
                "est pas recommandable",
                "vau",
                "valent");
        rewrites.put(phrase("pas grand[- ]chose(?! (à|a) (redire|reprocher|dire de mal))"), "pas terrible", "chose");
        rewrites.put(phrase("ni queue ni t[êe]te"), "pas cohérent", "queue"); // "n'a ni queue ni tête": one negation
        rewrites.put(phrase("tourne(nt)? en rond"), "répétitif", "rond");
        rewrites.put(phrase("se laisse(nt)? (regarder|voir)"), "agréable", "laisse");
        rewrites.put(phrase("(je m['’]|j['’]m['’]|m['’])attendais (à|a) pire"), "bonne surprise", "pire");
        rewrites.put(
                phrase("(je )?(ne |n['’])?(peux|peut|pouvons|pouvez|pourrais) pas (me |nous |vous |se )?plaindre"),
                "satisfait",
                "plaindre");
        rewrites.put(phrase("rien (à|a) redire"), "parfait", "redire");
        rewrites.put(phrase("rien (à|a) reprocher"), "parfait", "reprocher");
        rewrites.put(phrase("(ça|ca|c['’]est) aurait pu être pire"), "correct", "pire");
        // the mirror of "je m'attendais à pire": expectations not met
        rewrites.put(
                phrase(
                        "(je m['’]|on s['’]|j['’]m['’]|m['’]|s['’])attend(ais|ait|ions) (à|a) (beaucoup |bien |tellement )?mieux"),
                "déçu",
                "mieux");
        rewrites.put(phrase("(j['’]|on )esp[ée]r(ais|ait) (beaucoup |bien |tellement )?mieux"), "déçu", "mieux");
        rewrites.put(
                phrase("loin d['’](être|etre)"),
                "pas",
                "loin"); // "loin d'être drôle" ("de loin le meilleur" is praise)
        rewrites.put(
                phrase("pas mal (de|d(?=['’]))"), "beaucoup de", "pas mal"); // a quantity, not the litotes "pas mal"
        rewrites.put(phrase("chef[- ]d['’](œ|oe)uvre"), "merveille", "chef");
        rewrites.put(phrase("coup de c(œ|oe)ur"), "favori", "coup");
        rewrites.put(
                phrase("(à|a) ne (pas|surtout pas) (manquer|rater|louper)"),
                "incontournable",
                "manquer",
                "rater",
                "louper");
        rewrites.put(phrase("(à|a) voir absolument"), "incontournable", "voir");
        rewrites.put(phrase("pass(ez|e|er) (votre|ton|son) chemin"), "à éviter", "chemin");
        rewrites.put(phrase("s['’]il (vous|te) pla[iî]t"), "", "pla");
        rewrites.put(phrase("(est|sont) (à|a) voir"), "est recommandable", "voir");
        rewrites.put(
                phrase(
                        "(à|a) voir (d['’]urgence|de toute urgence|(à|a) tout pri[xs]|sans hésiter|sans hesiter|et (à|a) revoir)"),
                "incontournable",
                "voir");
        rewrites.put(phrase("vivement (la fin|que (ça|ca|cela) s['’]arr[êe]te)"), "lassant", "vivement");
        rewrites.put(phrase("peu(t|vent|x) mieux faire"), "insuffisant", "mieux");
        rewrites.put(phrase("(mort|morte|morts|mortes|mourir|mourrir|meurs|meurt) de rire"), "hilarant", "rire");
        rewrites.put(phrase("(à )?couper le souffle"), "époustouflant", "souffle");
        rewrites.put(phrase("prend aux tripes"), "captivant", "tripes");
        rewrites.put(phrase("tien(t|nent|drait) pas la route"), "est pas solide", "route");
        rewrites.put(phrase("tien(t|nent|drait) la route"), "est solide", "route");
        rewrites.put(phrase("(à|a) la hauteur(?! d)"), "satisfaisant", "hauteur"); // not "à la hauteur de la gare"
        rewrites.put(
                phrase("vu (bien |nettement |beaucoup |largement |tellement )?mieux"),
                "vu médiocre",
                "mieux"); // "j'ai vu mieux"
        rewrites.put(
                phrase("va(u|ut|ux|lait|udra|udrait) pas (le coup|le détour|la peine)"),
                "est pas recommandable",
                "coup",
                "détour",
                "peine");
        rewrites.put(
                phrase("va(u|ut|ux|lait|udra|udrait) (vraiment |bien |largement )?(le coup|le détour|la peine)"),
                "est recommandable",
                "coup",
                "détour",
                "peine");
        rewrites.put(
                phrase("co[uû]t(e|ent|ait|aient|er) (une fortune|les yeux de la t[êe]te|la peau des fesses|un bras)"),
                "est trop cher",
                "fortune",
                "tête",
                "tete",
                "fesses",
                "bras");
        rewrites.put(phrase("(feriez|ferais|ferait|ferions|feraient) mieux de"), "devriez", "mieux");
        // a star rating: none or one star is a bad mark, four or five a good one
        rewrites.put(phrase("(0|1|zéro|zero|une seule|une demi|une) (demi[- ])?[ée]toiles?"), "nul", "toile");
        rewrites.put(phrase("(3|trois) [ée]toiles?"), "correct", "toile");
        rewrites.put(phrase("(4|5|quatre|cinq) [ée]toiles?"), "excellent", "toile");
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
        BitSet present = rewriteCuesIn(lower);
        String out = text;
        for (int i = 0; i < patterns.length; i++) {
            if (gates[i] != null && !gates[i].intersects(present)) {
                continue;
            }
            Matcher m = patterns[i].matcher(out);
            if (m.find()) {
                out = m.replaceAll(Matcher.quoteReplacement(replacements[i]));
                present = rewriteCuesIn(out.toLowerCase(Locale.ROOT)); // a replacement may bring or take a cue
            }
        }
        return out;
    }

    /** The indexes in {@link #rewriteCues} of the cue words {@code lower} contains. */
    private BitSet rewriteCuesIn(String lower) {
        BitSet present = new BitSet(rewriteCues.length);
        for (int i = 0; i < rewriteCues.length; i++) {
            if (lower.contains(rewriteCues[i])) {
                present.set(i);
            }
        }
        return present;
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
        Sentiment s = inner == lexicon
                ? lexicon.sentiment(reading)
                : inner instanceof EnglishSentimentScorer english && english.readsWith(lexicon)
                        ? english.score(plain, reading) // the same text read by the same lexicon: read once
                        : inner.score(plain);
        if (s.label() == SentimentLabel.POSITIVE
                && isPlainQuestion(plain)
                && Math.abs(reading.compound()) < QUESTION_MAX_COMPOUND) {
            return new Sentiment(SentimentLabel.NEUTRAL, 0, s.method());
        }
        if (s.label() == SentimentLabel.POSITIVE && praisesARepeatedProblem(plain, reading)) {
            return new Sentiment(SentimentLabel.NEGATIVE, -Math.max(0.5, Math.abs(s.score())), s.method());
        }
        if (!markers) {
            return s;
        }
        if (s.label() != SentimentLabel.NEGATIVE && isSarcastic(plain)) {
            return new Sentiment(SentimentLabel.NEGATIVE, -Math.max(0.5, Math.abs(s.score())), s.method());
        }
        if (s.label() == SentimentLabel.NEUTRAL) {
            int emoticon = shortPostEmoticonSign(plain, reading);
            if (emoticon != 0) {
                return new Sentiment(
                        emoticon > 0 ? SentimentLabel.POSITIVE : SentimentLabel.NEGATIVE,
                        reading.compound(),
                        s.method());
            }
        }
        Contrast contrast = s.label() == SentimentLabel.NEUTRAL || hasContrastCue(plain) ? contrast(plain) : null;
        if (contrast != null && (s.label() == SentimentLabel.NEUTRAL || contrast.outweighsAPolarAnswer())) {
            Sentiment point = inner.score(contrast.point());
            if (point.label() != SentimentLabel.NEUTRAL && point.label() != s.label()) {
                double sign = point.label() == SentimentLabel.POSITIVE ? 1 : -1;
                if (inner.score(contrast.conceded()).score() * sign < 0) {
                    return new Sentiment(point.label(), sign * Math.abs(point.score()), s.method());
                }
            }
        }
        return s;
    }

    /**
     * Sarcasm that praises what hurts (English): a post opened by a praise word alone ("Great,", "Oh great,", "Just
     * great.", "Wonderful!") that then reports a problem ("the app crashed again", "my flight got cancelled"), unless
     * the problem is negated or ended ("no crashes", "fixed the crash"); a loved wait ("Love waiting 40 minutes on
     * hold"); and set phrases ("Yeah right, ...", "said no one ever"). Cheap: a text with none of the cue words is
     * not searched.
     */
    boolean isSarcastic(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if ((lower.contains("right") && YEAH_RIGHT.matcher(text).lookingAt())
                || (lower.contains("said no") && SAID_NO_ONE_EVER.matcher(text).find())) {
            return true;
        }
        if ((lower.contains("wait") || lower.contains("stuck") || lower.contains("hold"))
                && (lower.contains("lov") || lower.contains("enjoy") || lower.contains("adore"))
                && lovesAWait(text)) {
            return true;
        }
        Matcher opening = PRAISE_OPENING.matcher(text);
        if (!opening.lookingAt()) {
            return false;
        }
        List<String> tokens = TOKEN.matcher(text.substring(opening.end()).toLowerCase(Locale.ROOT))
                .results()
                .map(java.util.regex.MatchResult::group)
                .toList();
        if (tokens.stream().anyMatch(RESOLUTION::contains)) {
            return false;
        }
        for (int i = 0; i < tokens.size(); i++) {
            if (problems.contains(tokens.get(i))
                    && (i == 0 || !NO.contains(tokens.get(i - 1)))
                    && (i < 2 || !NO.contains(tokens.get(i - 2)))) {
                return true;
            }
        }
        return false;
    }

    /** The first loved wait of the text, with a cue that it was endured right after it. */
    private static boolean lovesAWait(String text) {
        Matcher m = LOVED_WAIT.matcher(text);
        if (!m.find()) {
            return false;
        }
        Matcher cue = WAIT_CUE.matcher(text);
        cue.region(m.end(), Math.min(text.length(), m.end() + WAIT_CUE_CHARS));
        cue.useTransparentBounds(true);
        return cue.find();
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

    /**
     * The two sides of a contrast: the side conceded ("A few slow parts,", "the delivery was late") and the point the
     * writer weighs more ("a gripping show", "the product is excellent"), and the kind of marker: "but", "however"
     * (any contrasting adverb: however, nevertheless, nonetheless, yet, still), "though" (an aside: "The battery,
     * though, dies by noon") or "although" (a concession: although, even though, though).
     */
    record Contrast(String conceded, String point, String cue) {
        /**
         * Whether the point may turn a polar answer around. "but" takes back a neutral answer only (its first side is
         * often a full statement of its own); "however", "nevertheless", "although"... say outright which side counts.
         */
        boolean outweighsAPolarAnswer() {
            return !cue.equals("but");
        }
    }

    /**
     * The two sides of the first contrasting "but" of a text: what comes before it in its sentence, and the clause
     * after the sentence's last "but", up to the sentence end ("A few slow parts, but a gripping show"); null when there
     * is none, a side is shorter than {@link #CONTRAST_CLAUSE_WORDS} or the clause after is longer than
     * {@link #SHORT_POST_WORDS} words. What follows "but" is what the writer means to weigh more (as in VADER's own
     * rule); a sentence-initial "But" has no first side and is left alone.
     */
    static Contrast contrast(String text) {
        Contrast but = text.toLowerCase(Locale.ROOT).contains("but") ? butContrast(text) : null;
        return but != null || !hasContrastCue(text) ? but : adverbContrast(text);
    }

    private static boolean hasContrastCue(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return CONTRAST_CUES.stream().anyMatch(lower::contains);
    }

    private static Contrast butContrast(String text) {
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
                ? new Contrast(before, after, "but")
                : null;
    }

    /**
     * A contrast marked by "however", "nevertheless", "nonetheless", "yet", a sentence-initial "Still," or a
     * concession ("although", "even though", "though"), read in the first clause (up to {@code [.!?…;]}) that has
     * one: "The screen is gorgeous; however, the battery dies by noon" (point: the clause after "however", conceded:
     * the clause before), "Although the delivery was late, the product is excellent" (point: the main clause),
     * "The battery dies by noon though" (point: this clause, conceded: the one before). Null when none, or when a
     * side is shorter than {@link #CONTRAST_CLAUSE_WORDS} words or the point longer than {@link #SHORT_POST_WORDS}.
     */
    private static Contrast adverbContrast(String text) {
        List<String> clauses = CLAUSE_END.splitAsStream(text).map(String::strip).toList();
        String previous = null;
        for (String clause : clauses) {
            if (clause.isEmpty()) {
                continue;
            }
            if (clause.length() > CONTRAST_CLAUSE_CHARS || !hasContrastCue(clause)) {
                previous = clause;
                continue;
            }
            Contrast c = adverbContrast(clause, previous);
            if (c != null) {
                boolean readable = words(c.conceded()) >= CONTRAST_CLAUSE_WORDS
                        && words(c.point()) >= CONTRAST_CLAUSE_WORDS
                        && words(c.point()) <= SHORT_POST_WORDS;
                return readable ? c : null;
            }
            previous = clause;
        }
        return null;
    }

    private static Contrast adverbContrast(String clause, String previous) {
        Matcher m = CONCESSION_FIRST.matcher(clause);
        if (m.matches()) {
            return new Contrast(m.group(1).strip(), m.group(2).strip(), "although");
        }
        m = ADVERB_FIRST.matcher(clause);
        if (m.matches()) {
            return previous == null ? null : new Contrast(previous, m.group(1).strip(), "however");
        }
        m = ADVERB_ASIDE.matcher(clause);
        if (m.matches() && (m.group(2).isBlank() || words(m.group(1)) <= ASIDE_SUBJECT_WORDS)) {
            String point = (m.group(1).strip() + " " + m.group(2).strip()).strip();
            return previous == null ? null : new Contrast(previous, point, "though");
        }
        m = CONCESSION_AFTER.matcher(clause);
        if (m.matches()) {
            // "Y, though X, Z": the concession ends at its comma, Z goes on with the point
            String conceded = m.group(2);
            int comma = conceded.indexOf(',');
            String point = m.group(1).strip();
            if (comma >= 0) {
                point = point + " " + conceded.substring(comma + 1).strip();
                conceded = conceded.substring(0, comma);
            }
            return new Contrast(conceded.strip(), point.strip(), "although");
        }
        m = ADVERB_INSIDE.matcher(clause);
        if (m.matches()) {
            return new Contrast(m.group(1).strip(), m.group(2).strip(), "however");
        }
        return null;
    }

    private static long words(String text) {
        return TOKEN.matcher(text).results().count();
    }
}
