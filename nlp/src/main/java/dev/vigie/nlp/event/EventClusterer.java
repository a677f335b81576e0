package dev.vigie.nlp.event;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Groups the mentions of one watch into event stories: one event, many outlets, French and English. One online pass,
 * as a run sees them: mentions are taken in order of publication time (then id), and each joins the event story it
 * is most similar to, or starts one under its own id. Mentions of earlier runs are {@link #remember remembered} with
 * the event id they were indexed with, so a run continues the stories of the runs before it and never renames them.
 *
 * <p><b>Similarity.</b> A mention and a story are compared by the cosine of their {@link EventSignals keys}, each
 * weighed by its rarity among the mentions the clusterer has seen (inverse document frequency: a brand named in every
 * mention of the watch weighs nothing, a figure or a name only one event carries weighs a lot) times a weight per
 * kind. A story's vector is the mean of its mentions'. Against a story that has no mention in the mention's language,
 * only language-free keys (names, numbers, hashtags, handles, URLs) count, and at least
 * {@link Builder#minSharedNames(int)} of them must be shared: that is how French and English coverage meet.
 *
 * <p><b>Bounded cost.</b> No mention is compared with every story: an inverted index from key to the stories that
 * carry it (at most {@link Builder#maxPostings(int)}, the most recent) gives the candidates, keys carried by more than
 * {@link Builder#commonShare(double)} of the mentions give none, only stories that started within the {@link
 * Builder#window(long) window} count, and only the {@link Builder#maxCandidates(int)} with the most shared weight are
 * scored in full. A story's vector keeps at most {@value #MAX_STORY_KEYS} keys. The cost per mention is therefore
 * bounded whatever the size of the watch.
 *
 * <p>Near-copies ({@code story_id}) always share an event: an item naming the near-copy story of an earlier item joins
 * that item's event without comparison.
 *
 * <p>Not thread-safe: one instance per batch (one watch, one task).
 */
public final class EventClusterer {

    /**
     * Cosine a mention needs with a story of its language to join it; chosen by cross-validation (docs/evaluation.md,
     * "Event stories").
     */
    public static final double DEFAULT_THRESHOLD = 0.10;
    /** Cosine on language-free keys a mention needs with a story of other languages only. */
    public static final double DEFAULT_CROSS_LANGUAGE_THRESHOLD = 0.30;
    /** Language-free keys a mention must share with a story of other languages only. */
    public static final int DEFAULT_MIN_SHARED_NAMES = 2;
    /**
     * How long (in milliseconds) after its first mention a story can be joined: an event is reported within days, and
     * a bound from the first mention (not the latest) keeps a story from drifting week after week from one subject to
     * the next through mentions that each resemble the last.
     */
    public static final long DEFAULT_WINDOW_MILLIS = 3L * 24 * 3600 * 1000;
    /**
     * Keys carried by more than this share of the mentions bring no candidates (they still weigh in the cosine). None by
     * default: the postings are bounded anyway, and a batch dominated by one event must still find it by its main words.
     */
    public static final double DEFAULT_COMMON_SHARE = 1.0;
    /** Stories scored in full per mention. */
    public static final int DEFAULT_MAX_CANDIDATES = 16;
    /** Stories kept per key of the inverted index (the most recent). */
    public static final int DEFAULT_MAX_POSTINGS = 64;
    /** Weight of a name key against a word key (1). */
    public static final double DEFAULT_NAME_WEIGHT = 1.5;
    /** Weight of a number key against a word key (1). */
    public static final double DEFAULT_NUMBER_WEIGHT = 1.0;
    /** Background documents of the weights ({@link Builder#background(double)}). */
    public static final double DEFAULT_BACKGROUND = 30_000;
    /** Keys kept per story vector. */
    public static final int MAX_STORY_KEYS = 512;

    /**
     * A mention to place.
     *
     * @param id its id
     * @param publishedAtMillis its publication time
     * @param lang its language ({@code fr}, {@code en}, {@code unknown}...)
     * @param outlet its outlet (source name)
     * @param title its title or the first words of its text (a story's title is one of these)
     * @param keys its {@link EventSignals} keys
     * @param nearCopyStory its near-copy story id ({@code story_id}), or {@code null}
     */
    public record Item(
            String id,
            long publishedAtMillis,
            String lang,
            String outlet,
            String title,
            List<String> keys,
            String nearCopyStory) {
        /** Requires an id; copies the keys. */
        public Item {
            if (id == null || id.isBlank()) {
                throw new IllegalArgumentException("event story item needs an id");
            }
            keys = keys == null ? List.of() : List.copyOf(keys);
            lang = lang == null ? "unknown" : lang;
            outlet = outlet == null ? id : outlet;
            title = title == null ? "" : title;
        }
    }

    /**
     * A mention of an earlier run, with the event story it was indexed with.
     *
     * @param item the mention
     * @param eventId its event story id
     */
    public record Earlier(Item item, String eventId) {
        /** Requires both. */
        public Earlier {
            if (item == null || eventId == null || eventId.isBlank()) {
                throw new IllegalArgumentException(
                        "earlier event story member needs an item and an event id: " + item + ", " + eventId);
            }
        }
    }

    /**
     * The event story of a mention.
     *
     * @param id the mention
     * @param eventId its event story: its own id when it starts one
     * @param score the cosine that made it join (1 for a near-copy, 0 when it starts a story)
     */
    public record Assignment(String id, String eventId, double score) {}

    /**
     * An event story as this clusterer saw it (earlier members it was given, and the batch).
     *
     * @param id its id (the id of its first mention)
     * @param title its representative title: the earliest in the preferred language, else the earliest
     * @param firstSeenMillis publication time of its earliest known mention
     * @param outlets distinct outlets, sorted
     * @param mentions mentions known
     * @param languages languages of its mentions, sorted
     */
    public record EventStory(
            String id, String title, long firstSeenMillis, Set<String> outlets, int mentions, Set<String> languages) {
        /** Copies the sets. */
        public EventStory {
            outlets = Set.copyOf(outlets);
            languages = Set.copyOf(languages);
        }
    }

    private static final Comparator<Item> ORDER =
            Comparator.comparingLong(Item::publishedAtMillis).thenComparing(Item::id);

    private static final class Story {
        final String id;
        final Map<String, Integer> counts = new HashMap<>();
        final Set<String> outlets = new TreeSet<>();
        final Set<String> languages = new TreeSet<>();
        int size;
        long firstSeen = Long.MAX_VALUE;
        long lastSeen = Long.MIN_VALUE;
        String title;
        long titleAt = Long.MAX_VALUE;
        boolean titlePreferred;
        /** Sums of squared key weights times counts, all keys and language-free ones: norms in O(1). */
        double squares;

        double freeSquares;
        long round = -1;
        double shared;
        double sharedFree;
        int sharedFreeCount;

        Story(String id) {
            this.id = id;
        }
    }

    private final Builder settings;
    private final Map<String, Integer> df = new HashMap<>();
    /** Key weights of the current {@link #assign} call (document frequencies do not change during it). */
    private final Map<String, Double> weights = new HashMap<>();

    private int documents;
    private final Map<String, Story> stories = new LinkedHashMap<>();
    private final Map<String, ArrayList<Story>> postings = new HashMap<>();
    private final Map<String, Story> byNearCopy = new HashMap<>();
    private final List<Earlier> remembered = new ArrayList<>();
    private final Set<String> rememberedIds = new HashSet<>();
    private long round;
    private long comparisons;

    private EventClusterer(Builder b) {
        this.settings = b.copy();
    }

    /** A clusterer with the default settings. */
    public static EventClusterer create() {
        return builder().build();
    }

    /** A builder with the default settings. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Records a mention of an earlier run with its event id. It must not be in the batch given to {@link #assign}.
     *
     * @param earlier the mention
     */
    public void remember(Earlier earlier) {
        if (earlier == null) {
            throw new IllegalArgumentException("earlier event story member must not be null");
        }
        if (rememberedIds.add(earlier.item().id())) {
            remembered.add(earlier);
        }
    }

    /**
     * Assigns event stories to a batch.
     *
     * @param items the batch, in any order; ids distinct and none remembered
     * @return one assignment per item, in order of publication time then id
     */
    public List<Assignment> assign(List<Item> items) {
        List<Item> sorted = new ArrayList<>(items);
        sorted.sort(ORDER);
        Set<String> ids = new HashSet<>();
        for (Item item : sorted) {
            if (!ids.add(item.id()) || rememberedIds.contains(item.id())) {
                throw new IllegalArgumentException("event story item " + item.id()
                        + " is given twice (in the batch or as an" + " earlier mention)");
            }
            count(item);
        }
        remembered.sort(Comparator.comparing(Earlier::item, ORDER));
        for (Earlier e : remembered) {
            count(e.item());
        }
        weights.clear();
        for (Story s : stories.values()) { // weights changed since an earlier call: norms again
            s.squares = 0;
            s.freeSquares = 0;
            for (Map.Entry<String, Integer> e : s.counts.entrySet()) {
                double w = weight(e.getKey()) * e.getValue();
                s.squares += w * w;
                if (EventSignals.isLanguageFree(e.getKey())) {
                    s.freeSquares += w * w;
                }
            }
        }
        for (Earlier e : remembered) {
            add(stories.computeIfAbsent(e.eventId(), Story::new), e.item());
        }
        remembered.clear();
        List<Assignment> out = new ArrayList<>(sorted.size());
        for (Item item : sorted) {
            Assignment a = place(item);
            out.add(a);
        }
        return out;
    }

    /** The event stories known so far (earlier members included), in order of creation. */
    public List<EventStory> stories() {
        List<EventStory> out = new ArrayList<>(stories.size());
        for (Story s : stories.values()) {
            out.add(new EventStory(s.id, s.title, s.firstSeen, s.outlets, s.size, s.languages));
        }
        return out;
    }

    /** Full cosine computations so far (each bounded by {@link Builder#maxCandidates(int)} per mention). */
    public long comparisons() {
        return comparisons;
    }

    private void count(Item item) {
        documents++;
        for (String k : item.keys()) {
            df.merge(k, 1, Integer::sum);
        }
    }

    private Assignment place(Item item) {
        Story copyOf = item.nearCopyStory() == null ? null : byNearCopy.get(item.nearCopyStory());
        if (copyOf != null) {
            add(copyOf, item);
            return new Assignment(item.id(), copyOf.id, 1);
        }
        round++;
        double commonDf = Math.max(2, settings.commonShare * documents);
        List<Story> touched = new ArrayList<>();
        for (String k : item.keys()) {
            int d = df.getOrDefault(k, 0);
            if (d < 2 || d > commonDf) {
                continue;
            }
            List<Story> list = postings.get(k);
            if (list == null) {
                continue;
            }
            double w = weight(k);
            boolean free = EventSignals.isLanguageFree(k);
            for (Story s : list) {
                if (Math.abs(item.publishedAtMillis() - s.firstSeen) > settings.windowMillis) {
                    continue;
                }
                if (s.round != round) {
                    s.round = round;
                    s.shared = 0;
                    s.sharedFree = 0;
                    s.sharedFreeCount = 0;
                    touched.add(s);
                }
                double sw = w * s.counts.getOrDefault(k, 0) / s.size;
                s.shared += w * sw;
                if (free) {
                    s.sharedFree += w * sw;
                    s.sharedFreeCount++;
                }
            }
        }
        touched.sort(Comparator.comparingDouble((Story s) -> -s.shared).thenComparing(s -> s.id));
        Story best = null;
        double bestScore = 0;
        double itemNorm = norm(item, false);
        double itemFreeNorm = norm(item, true);
        for (int i = 0; i < touched.size() && i < settings.maxCandidates; i++) {
            Story s = touched.get(i);
            comparisons++;
            double score;
            if (s.languages.contains(item.lang())) {
                score = s.shared / (itemNorm * storyNorm(s, false));
                if (score < settings.threshold) {
                    continue;
                }
            } else {
                if (s.sharedFreeCount < settings.minSharedNames || itemFreeNorm == 0) {
                    continue;
                }
                score = s.sharedFree / (itemFreeNorm * storyNorm(s, true));
                if (score < settings.crossLanguageThreshold) {
                    continue;
                }
            }
            if (score > bestScore) {
                best = s;
                bestScore = score;
            }
        }
        if (best == null) {
            Story s = new Story(item.id());
            stories.put(s.id, s);
            add(s, item);
            return new Assignment(item.id(), item.id(), 0);
        }
        add(best, item);
        return new Assignment(item.id(), best.id, bestScore);
    }

    private double weight(String key) {
        Double cached = weights.get(key);
        if (cached != null) {
            return cached;
        }
        double w = computeWeight(key);
        weights.put(key, w);
        return w;
    }

    private double computeWeight(String key) {
        int d = df.getOrDefault(key, 1);
        double idf = Math.log((documents + settings.background) / d);
        if (key.startsWith(EventSignals.NUMBER)) {
            return idf * settings.numberWeight;
        }
        return key.startsWith(EventSignals.NAME) ? idf * settings.nameWeight : idf;
    }

    private double norm(Item item, boolean freeOnly) {
        double sum = 0;
        for (String k : item.keys()) {
            if (!freeOnly || EventSignals.isLanguageFree(k)) {
                double w = weight(k);
                sum += w * w;
            }
        }
        return Math.sqrt(sum);
    }

    private static double storyNorm(Story s, boolean freeOnly) {
        return Math.sqrt(freeOnly ? s.freeSquares : s.squares) / s.size;
    }

    private void add(Story s, Item item) {
        s.size++;
        s.outlets.add(item.outlet());
        s.languages.add(item.lang());
        s.firstSeen = Math.min(s.firstSeen, item.publishedAtMillis());
        s.lastSeen = Math.max(s.lastSeen, item.publishedAtMillis());
        boolean preferred = item.lang().equals(settings.preferredLanguage);
        if (!item.title().isBlank()
                && (s.title == null
                        || (preferred && !s.titlePreferred)
                        || (preferred == s.titlePreferred && item.publishedAtMillis() < s.titleAt))) {
            s.title = item.title();
            s.titleAt = item.publishedAtMillis();
            s.titlePreferred = preferred;
        }
        if (item.nearCopyStory() != null) {
            byNearCopy.putIfAbsent(item.nearCopyStory(), s);
        }
        for (String k : item.keys()) {
            Integer c = s.counts.get(k);
            if (c != null || s.counts.size() < MAX_STORY_KEYS) {
                int before = c == null ? 0 : c;
                double w = weight(k);
                double grow = w * w * (2.0 * before + 1); // (w (c + 1))^2 - (w c)^2
                s.squares += grow;
                if (EventSignals.isLanguageFree(k)) {
                    s.freeSquares += grow;
                }
            }
            if (c != null) {
                s.counts.put(k, c + 1);
            } else if (s.counts.size() < MAX_STORY_KEYS) {
                s.counts.put(k, 1);
                ArrayList<Story> list = postings.computeIfAbsent(k, x -> new ArrayList<>(2));
                if (list.size() == settings.maxPostings) {
                    list.remove(0);
                }
                list.add(s);
            }
        }
    }

    /** Settings of an {@link EventClusterer}; {@link #build()} checks them. */
    public static final class Builder {
        private double threshold = DEFAULT_THRESHOLD;
        private double crossLanguageThreshold = DEFAULT_CROSS_LANGUAGE_THRESHOLD;
        private int minSharedNames = DEFAULT_MIN_SHARED_NAMES;
        private long windowMillis = DEFAULT_WINDOW_MILLIS;
        private double commonShare = DEFAULT_COMMON_SHARE;
        private int maxCandidates = DEFAULT_MAX_CANDIDATES;
        private int maxPostings = DEFAULT_MAX_POSTINGS;
        private double nameWeight = DEFAULT_NAME_WEIGHT;
        private double numberWeight = DEFAULT_NUMBER_WEIGHT;
        private String preferredLanguage = "";
        private double background = DEFAULT_BACKGROUND;

        private Builder() {}

        /**
         * Documents assumed seen before the first one, none of which carries any key: they keep a word from weighing
         * nothing when a small batch is all about one event (its own words would otherwise look as common as the brand).
         */
        public Builder background(double documents) {
            if (!(documents >= 0 && documents <= 1e6)) {
                throw new IllegalArgumentException("background documents must be in [0, 1e6]: " + documents);
            }
            this.background = documents;
            return this;
        }

        private Builder copy() {
            Builder b = new Builder();
            b.threshold = threshold;
            b.crossLanguageThreshold = crossLanguageThreshold;
            b.minSharedNames = minSharedNames;
            b.windowMillis = windowMillis;
            b.commonShare = commonShare;
            b.maxCandidates = maxCandidates;
            b.maxPostings = maxPostings;
            b.nameWeight = nameWeight;
            b.numberWeight = numberWeight;
            b.preferredLanguage = preferredLanguage;
            b.background = background;
            return b;
        }

        /** Cosine needed to join a story of the mention's language, in (0, 1]. */
        public Builder threshold(double t) {
            this.threshold = fraction("event story threshold", t);
            return this;
        }

        /** Cosine on language-free keys needed to join a story of other languages only, in (0, 1]. */
        public Builder crossLanguageThreshold(double t) {
            this.crossLanguageThreshold = fraction("cross-language event story threshold", t);
            return this;
        }

        /** Language-free keys a mention must share with a story of other languages, at least 1. */
        public Builder minSharedNames(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("shared names across languages must be at least 1: " + n);
            }
            this.minSharedNames = n;
            return this;
        }

        /** How long after its first mention a story can be joined, in milliseconds, at least one hour. */
        public Builder window(long millis) {
            if (millis < 3_600_000L) {
                throw new IllegalArgumentException("event story window must be at least one hour: " + millis + " ms");
            }
            this.windowMillis = millis;
            return this;
        }

        /** Share of mentions above which a key brings no candidates, in (0, 1]. */
        public Builder commonShare(double share) {
            this.commonShare = fraction("common key share", share);
            return this;
        }

        /** Stories scored in full per mention, at least 1. */
        public Builder maxCandidates(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("candidates per mention must be at least 1: " + n);
            }
            this.maxCandidates = n;
            return this;
        }

        /** Stories kept per key of the inverted index, at least 1. */
        public Builder maxPostings(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("stories per key must be at least 1: " + n);
            }
            this.maxPostings = n;
            return this;
        }

        /** Weight of name keys (words are 1), in (0, 10]. */
        public Builder nameWeight(double w) {
            this.nameWeight = weight("name weight", w);
            return this;
        }

        /** Weight of number keys (words are 1), in (0, 10]. */
        public Builder numberWeight(double w) {
            this.numberWeight = weight("number weight", w);
            return this;
        }

        /** Language whose titles represent a story when it has one (the watch's language). */
        public Builder preferredLanguage(String lang) {
            this.preferredLanguage = lang == null ? "" : lang;
            return this;
        }

        /** Builds the clusterer. */
        public EventClusterer build() {
            return new EventClusterer(this);
        }

        private static double fraction(String what, double v) {
            if (!(v > 0 && v <= 1)) {
                throw new IllegalArgumentException(what + " must be in (0, 1]: " + v);
            }
            return v;
        }

        private static double weight(String what, double v) {
            if (!(v > 0 && v <= 10)) {
                throw new IllegalArgumentException(what + " must be in (0, 10]: " + v);
            }
            return v;
        }
    }
}
