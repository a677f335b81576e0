package dev.vigie.jobs.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Everything the weekly report shows, computed once from Elasticsearch by {@link WeeklyReportQuery} and rendered
 * by {@link WeeklyReport}. Plain values only, so a golden file of it (JSON) pins what the report says independently
 * of how it looks.
 *
 * <p>"Previous" always means the ISO week before {@link #week()}; shares and sentiment are ratios in [0, 1] and
 * [-1, 1], {@code null} when there was nothing to compute them from. {@code baselineWeeks} is how many earlier
 * weeks with data formed the day-of-week baseline: 0 for a new watch, which then reports no spikes.
 * {@code topSources} are the outlets that published the most mentions; {@code alertActivity} is what the
 * {@code vigie-alerts} ledger says each alert rule did this week (hits, emails, what is still pending).
 */
public record WeeklyReportData(
        String watch,
        String brand,
        IsoWeek week,
        Totals totals,
        List<BrandShare> shareOfVoice,
        List<DayVolume> volumePerDay,
        List<BrandSentiment> sentiment,
        List<Story> topStories,
        List<Author> topAuthors,
        List<ThemeTrend> themes,
        List<PageChange> pageChanges,
        List<AlertHits> alerts,
        List<Spike> spikes,
        int baselineWeeks,
        List<TopSource> topSources,
        List<AlertActivity> alertActivity) {

    public WeeklyReportData {
        Objects.requireNonNull(watch, "watch");
        Objects.requireNonNull(brand, "brand");
        Objects.requireNonNull(week, "week");
        Objects.requireNonNull(totals, "totals");
        shareOfVoice = List.copyOf(shareOfVoice);
        if (shareOfVoice.isEmpty()
                || !shareOfVoice.get(0).own()
                || !shareOfVoice.get(0).name().equals(brand)) {
            throw new IllegalArgumentException(
                    "share of voice must start with the brand '" + brand + "': " + shareOfVoice);
        }
        volumePerDay = List.copyOf(volumePerDay);
        if (volumePerDay.size() != 7) {
            throw new IllegalArgumentException(
                    "volume per day needs the 7 days of " + week + ", got " + volumePerDay.size());
        }
        sentiment = List.copyOf(sentiment);
        if (sentiment.isEmpty()
                || !sentiment.get(0).own()
                || !sentiment.get(0).name().equals(brand)) {
            throw new IllegalArgumentException("sentiment must start with the brand '" + brand + "': " + sentiment);
        }
        topStories = List.copyOf(topStories);
        topAuthors = List.copyOf(topAuthors);
        themes = List.copyOf(themes);
        pageChanges = List.copyOf(pageChanges);
        alerts = List.copyOf(alerts);
        spikes = List.copyOf(spikes);
        topSources = List.copyOf(topSources);
        alertActivity = List.copyOf(alertActivity);
        if (baselineWeeks < 0) {
            throw new IllegalArgumentException("baseline weeks cannot be negative: " + baselineWeeks);
        }
    }

    /** True when the watch collected nothing this week: the report then says so instead of drawing empty charts. */
    public boolean isEmpty() {
        return totals.mentions() == 0;
    }

    /** Headline numbers of the week and the week before. */
    public record Totals(
            long mentions,
            long previousMentions,
            long authors,
            long previousAuthors,
            long sources,
            long reach,
            long previousReach,
            long pageChanges) {
        public Totals {
            requireCounts(
                    mentions, previousMentions, authors, previousAuthors, sources, reach, previousReach, pageChanges);
        }
    }

    /**
     * One brand's share of voice: its mentions over the mentions of the brand and all competitors. A mention naming
     * two brands counts for both, as in every listening tool.
     */
    public record BrandShare(
            String name, boolean own, long mentions, long previousMentions, Double share, Double previousShare) {
        public BrandShare {
            Objects.requireNonNull(name, "name");
            requireCounts(mentions, previousMentions);
            requireRatio(share, 0, 1, "share");
            requireRatio(previousShare, 0, 1, "previousShare");
        }
    }

    /**
     * Mentions of one day of the week, the same weekday of the previous week, and the day-of-week baseline (mean of
     * the same weekday over the baseline weeks before the report's week).
     */
    public record DayVolume(LocalDate day, long mentions, long previousWeekMentions, double baseline) {
        public DayVolume {
            Objects.requireNonNull(day, "day");
            requireCounts(mentions, previousWeekMentions);
            if (!(baseline >= 0)) {
                throw new IllegalArgumentException("baseline must be >= 0: " + baseline);
            }
        }
    }

    /**
     * Sentiment of the mentions naming one brand. {@code net} is (positive - negative) / mentions, from -1 (all
     * negative) to +1 (all positive).
     */
    public record BrandSentiment(
            String name, boolean own, long positive, long neutral, long negative, Double net, Double previousNet) {
        public BrandSentiment {
            Objects.requireNonNull(name, "name");
            requireCounts(positive, neutral, negative);
            requireRatio(net, -1, 1, "net");
            requireRatio(previousNet, -1, 1, "previousNet");
        }

        public long total() {
            return positive + neutral + negative;
        }
    }

    /**
     * An event story (mentions sharing an {@code event.id}: one event across outlets and languages), shown by its
     * earliest mention in the report's language, else its best-curated one.
     *
     * @param outlets   the outlets that carried it most (at most a few; {@code sources} counts them all)
     * @param languages the languages it was reported in
     * @param firstSeen when its earliest mention was published, or {@code null} when unknown
     */
    public record Story(
            String storyId,
            String title,
            String url,
            long mentions,
            long sources,
            double curationScore,
            long reach,
            List<String> outlets,
            List<String> languages,
            Instant firstSeen) {
        public Story {
            Objects.requireNonNull(storyId, "storyId");
            Objects.requireNonNull(title, "title");
            requireCounts(mentions, sources, reach);
            outlets = outlets == null ? List.of() : List.copyOf(outlets);
            languages = languages == null ? List.of() : List.copyOf(languages);
        }

        /** A story without its outlets, languages and first-seen time. */
        public Story(
                String storyId,
                String title,
                String url,
                long mentions,
                long sources,
                double curationScore,
                long reach) {
            this(storyId, title, url, mentions, sources, curationScore, reach, List.of(), List.of(), null);
        }
    }

    /** An author of the week, ranked by the reach of their mentions (sum over the week). */
    public record Author(String name, String handle, String sourceType, long followers, long reach, long mentions) {
        public Author {
            Objects.requireNonNull(name, "name");
            requireCounts(followers, reach, mentions);
        }
    }

    /** A theme's mentions this week and the week before; the report lists the largest rises and falls. */
    public record ThemeTrend(String id, String label, long mentions, long previousMentions) {
        public ThemeTrend {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(label, "label");
            requireCounts(mentions, previousMentions);
        }

        public long delta() {
            return mentions - previousMentions;
        }
    }

    /** A change detected on a competitor's page this week (prices, products, news, jobs, other). */
    public record PageChange(
            String competitor,
            String url,
            String section,
            Instant changedAt,
            String kind,
            List<String> added,
            List<String> removed,
            double magnitude) {
        public PageChange {
            Objects.requireNonNull(competitor, "competitor");
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(changedAt, "changedAt");
            Objects.requireNonNull(kind, "kind");
            added = List.copyOf(added);
            removed = List.copyOf(removed);
        }
    }

    /** Mentions of the week matched by one alert rule, with the most recent ones as examples. */
    public record AlertHits(String rule, long mentions, List<MentionRef> examples) {
        public AlertHits {
            Objects.requireNonNull(rule, "rule");
            requireCounts(mentions);
            examples = List.copyOf(examples);
        }
    }

    /**
     * An outlet of the week (a feed, a Mastodon instance, a subreddit, Hacker News, Bluesky): its mentions this
     * week and the week before, and its share of the week's mentions.
     */
    public record TopSource(String name, String type, long mentions, long previousMentions, double share) {
        public TopSource {
            Objects.requireNonNull(name, "name");
            requireCounts(mentions, previousMentions);
            requireRatio(share, 0, 1, "share");
        }
    }

    /**
     * What one alert rule did this week according to the {@code vigie-alerts} ledger. Counts are of mentions (a hit
     * emailed to two people counts once) except {@code emails}, the digests sent, one per recipient and dispatch.
     *
     * @param rule          the rule id
     * @param every         how often its digests go out ({@code run}, {@code day}, {@code week})
     * @param hits          mentions it matched this week
     * @param previousHits  mentions it matched the week before
     * @param emailed       mentions emailed this week (a daily or weekly digest sends some matched the week before)
     * @param emails        digests sent this week
     * @param recipients    people who received them
     * @param pending       mentions matched this week and not emailed yet (a digest not due, or SMTP down)
     * @param matchedTerms  the terms that matched most often
     */
    public record AlertActivity(
            String rule,
            String every,
            long hits,
            long previousHits,
            long emailed,
            long emails,
            long recipients,
            long pending,
            List<String> matchedTerms) {
        public AlertActivity {
            Objects.requireNonNull(rule, "rule");
            requireCounts(hits, previousHits, emailed, emails, recipients, pending);
            matchedTerms = List.copyOf(matchedTerms);
        }
    }

    /** A mention shown as an example: what it says, where, when. */
    public record MentionRef(String title, String url, String source, Instant publishedAt) {
        public MentionRef {
            Objects.requireNonNull(title, "title");
        }
    }

    /**
     * A day whose volume clearly exceeded its day-of-week baseline, with the stories and authors that made it.
     *
     * @see WeeklyReportQuery#isSpike(long, double)
     */
    public record Spike(
            LocalDate day, long mentions, double baseline, List<NamedCount> stories, List<NamedCount> authors) {
        public Spike {
            Objects.requireNonNull(day, "day");
            requireCounts(mentions);
            stories = List.copyOf(stories);
            authors = List.copyOf(authors);
        }
    }

    /** A label and how many mentions it accounts for. */
    public record NamedCount(String name, String url, long mentions) {
        public NamedCount {
            Objects.requireNonNull(name, "name");
            requireCounts(mentions);
        }
    }

    private static void requireCounts(long... counts) {
        for (long c : counts) {
            if (c < 0) {
                throw new IllegalArgumentException("counts cannot be negative: " + c);
            }
        }
    }

    private static void requireRatio(Double value, double min, double max, String name) {
        if (value != null && !(value >= min && value <= max)) {
            throw new IllegalArgumentException(name + " must be in [" + min + ", " + max + "]: " + value);
        }
    }
}
