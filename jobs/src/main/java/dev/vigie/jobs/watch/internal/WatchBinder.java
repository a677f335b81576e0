package dev.vigie.jobs.watch.internal;

import dev.vigie.connectors.page.PageSpec;
import dev.vigie.dashboards.EsClients;
import dev.vigie.jobs.watch.AlertRuleSpec;
import dev.vigie.jobs.watch.BlueskySource;
import dev.vigie.jobs.watch.Brand;
import dev.vigie.jobs.watch.Checks;
import dev.vigie.jobs.watch.Competitor;
import dev.vigie.jobs.watch.ElasticsearchSettings;
import dev.vigie.jobs.watch.Frequency;
import dev.vigie.jobs.watch.HackerNewsSource;
import dev.vigie.jobs.watch.Language;
import dev.vigie.jobs.watch.MailSettings;
import dev.vigie.jobs.watch.MastodonSource;
import dev.vigie.jobs.watch.PageWatch;
import dev.vigie.jobs.watch.RedditSource;
import dev.vigie.jobs.watch.ReportSpec;
import dev.vigie.jobs.watch.Schedule;
import dev.vigie.jobs.watch.Secret;
import dev.vigie.jobs.watch.SentimentFilter;
import dev.vigie.jobs.watch.Sources;
import dev.vigie.jobs.watch.SpikeKind;
import dev.vigie.jobs.watch.SpikeSpec;
import dev.vigie.jobs.watch.ThemeSpec;
import dev.vigie.jobs.watch.Watch;
import dev.vigie.jobs.watch.WatchError;
import dev.vigie.jobs.watch.Webhook;
import dev.vigie.nlp.alert.AlertMatcher;
import dev.vigie.nlp.alert.AlertQuerySyntaxException;
import dev.vigie.nlp.lang.LanguageDetector;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Walks a {@link YamlNode} tree into a {@link Watch}, collecting every error with its line and field path instead of
 * stopping at the first. A field that is wrong yields {@code null} here and the watch is not built; the caller sees
 * the list of errors.
 *
 * <p>Each mapping of the file is a {@link Section}: a table that lists its keys once, each with the reader of its
 * value, and that both refuses unknown keys and reads the known ones into a draft. A new key is one line of its
 * section's table, one field of its draft, and its use where the draft becomes a record.
 */
public final class WatchBinder {
    /** Deepest nesting of parentheses in an alert query; real queries use two or three levels. */
    static final int MAX_QUERY_DEPTH = 50;

    /** Two-letter codes of the languages with a detection profile, for error messages. */
    private static final List<String> DETECTABLE = LanguageDetector.builtInLanguages().stream()
            .map(code -> code.split("-")[0])
            .filter(code -> Checks.LANGUAGE_CODE.matcher(code).matches())
            .distinct()
            .sorted()
            .toList();

    private static final Map<String, Language> LANGUAGES = choices(Language.values(), Language::code, null);
    private static final Map<String, SentimentFilter> SENTIMENTS =
            choices(SentimentFilter.values(), SentimentFilter::code, SentimentFilter.ANY);
    private static final Map<String, Frequency> FREQUENCIES = choices(Frequency.values(), Frequency::code, null);
    private static final Map<String, SpikeKind> SPIKE_KINDS = choices(SpikeKind.values(), SpikeKind::code, null);
    /** A spike window: a number of hours, {@code 3h} or {@code 3}. */
    private static final java.util.regex.Pattern HOURS = java.util.regex.Pattern.compile("(\\d{1,3})\\s*h?");

    private static final Map<String, Webhook.Kind> WEBHOOK_KINDS =
            choices(Webhook.Kind.values(), Webhook.Kind::code, null);
    private static final Map<String, DayOfWeek> DAYS =
            choices(DayOfWeek.values(), d -> d.name().toLowerCase(Locale.ROOT), null);

    private final ValueReader values;

    // ---------------------------------------------------------------- the sections' keys

    private final Section<WatchDraft> watchKeys = new Section<WatchDraft>()
            .key("watch", (d, f) -> d.id = watchId(f))
            .key("language", (d, f) -> d.language = f.choice(LANGUAGES, Watch.DEFAULT_LANGUAGE))
            .key("languages", (d, f) -> d.languages = languageCodes(f))
            .key("timezone", (d, f) -> d.timezone = timezone(f))
            .key("brand", (d, f) -> d.brand = brand(f))
            .key("competitors", (d, f) -> {
                d.competitors = f.list(this::competitor);
                unique(
                        f,
                        d.competitors.stream()
                                .map(c -> c == null ? null : c.name())
                                .toList(),
                        "name",
                        "competitor name");
            })
            .key("sources", (d, f) -> d.sources = sources(f))
            .key("alerts", (d, f) -> {
                d.alerts = f.list(this::alert);
                unique(f, d.alerts.stream().map(a -> a == null ? null : a.id()).toList(), "id", "alert id");
            })
            .key("themes", (d, f) -> {
                d.themes = f.list(this::theme);
                unique(f, d.themes.stream().map(t -> t == null ? null : t.id()).toList(), "id", "theme id");
            })
            .key("report", (d, f) -> d.report = report(f, d.language))
            .key("elasticsearch", (d, f) -> d.elasticsearch = elasticsearch(f))
            .key("mail", (d, f) -> d.mail = mail(f))
            .key("kibana", (d, f) -> d.kibana = kibana(f))
            .key("schedule", (d, f) -> d.schedule = schedule(f))
            .key("sentiment", (d, f) -> d.sentimentModels = sentimentModels(f));

    private final Section<BrandDraft> brandKeys = new Section<BrandDraft>()
            .key("name", (d, f) -> d.name = name(f))
            .key("aliases", (d, f) -> d.aliases = names(f));

    private final Section<CompetitorDraft> competitorKeys = new Section<CompetitorDraft>()
            .key("name", (d, f) -> d.name = name(f))
            .key("aliases", (d, f) -> d.aliases = names(f))
            .key("feeds", (d, f) -> d.feeds = f.urls())
            .key("pages", (d, f) -> d.pages = f.list(this::page));

    private final Section<PageDraft> pageKeys = new Section<PageDraft>()
            .key("url", (d, f) -> d.url = f.requiredUrl())
            .key("select", (d, f) -> d.select = selector(f))
            .key("ignore", (d, f) -> d.ignore = selector(f))
            .key("noise", (d, f) -> d.noise = noise(f));

    private final Section<SourcesDraft> sourcesKeys = new Section<SourcesDraft>()
            .key("feeds", (d, f) -> d.feeds = f.urls())
            .key("mastodon", (d, f) -> d.mastodon = f.list(this::mastodon))
            .key("bluesky", (d, f) -> d.bluesky = f.list((n, p) -> search(n, p, BlueskySource::new)))
            .key("reddit", (d, f) -> d.reddit = f.list(this::reddit))
            .key("hackernews", (d, f) -> d.hackernews = f.list((n, p) -> search(n, p, HackerNewsSource::new)));

    private final Section<MastodonDraft> mastodonKeys = new Section<MastodonDraft>()
            .key("instance", (d, f) -> d.instance = f.requiredUrl())
            .key("hashtags", (d, f) -> d.hashtags = f.strings())
            .key("queries", (d, f) -> d.queries = f.strings());

    private final Section<SearchDraft> searchKeys =
            new Section<SearchDraft>().key("query", (d, f) -> d.query = f.string(true));

    private final Section<RedditDraft> redditKeys = new Section<RedditDraft>()
            .key("query", (d, f) -> d.query = f.string(true))
            .key("subreddits", (d, f) -> d.subreddits = f.strings());

    private final Section<AlertDraft> alertKeys = new Section<AlertDraft>()
            .key("id", (d, f) -> d.id = id(f))
            .key("query", (d, f) -> d.query = alertQuery(f))
            .key("languages", (d, f) -> d.languages = languageCodes(f))
            .key("sentiment", (d, f) -> d.sentiment = f.choice(SENTIMENTS, SentimentFilter.ANY))
            .key("to", this::alertTargets)
            .key("every", (d, f) -> d.every = f.choice(FREQUENCIES, AlertRuleSpec.DEFAULT_EVERY))
            .key(
                    "webhooks",
                    (d, f) -> d.webhooks.addAll(f.list(this::webhook).stream()
                            .filter(Objects::nonNull)
                            .toList()))
            .key("spike", (d, f) -> d.spike = spike(f));

    private final Section<SpikeDraft> spikeKeys = new Section<SpikeDraft>()
            .key(
                    "min_mentions",
                    (d, f) -> d.minMentions = whole(f, "a number of mentions", SpikeSpec.DEFAULT_MIN_MENTIONS))
            .key("factor", (d, f) -> d.factor = factor(f))
            .key("on", (d, f) -> d.on = f.list(this::spikeKind))
            .key("window", (d, f) -> d.windowHours = windowHours(f))
            .key(
                    "baseline_weeks",
                    (d, f) -> d.baselineWeeks = whole(f, "a number of weeks", SpikeSpec.DEFAULT_BASELINE_WEEKS));

    private final Section<WebhookDraft> webhookKeys = new Section<WebhookDraft>()
            .key("url", (d, f) -> d.url = webhookUrl(f.node(), f.path(), f.mapping()))
            .key("kind", (d, f) -> d.kind = f.choice(WEBHOOK_KINDS, Webhook.Kind.GENERIC))
            .key("headers", (d, f) -> d.headers = webhookHeaders(f));

    private final Section<ThemeDraft> themeKeys = new Section<ThemeDraft>()
            .key("id", (d, f) -> d.id = id(f))
            .key("label", (d, f) -> d.label = f.string(false))
            .key("examples", (d, f) -> d.examples = f.strings())
            .key("keywords", (d, f) -> d.keywords = f.strings());

    private final Section<ReportDraft> reportKeys =
            new Section<ReportDraft>().key("weekly", (d, f) -> d.weekly = weekly(f, d.watchLanguage));

    private final Section<WeeklyDraft> weeklyKeys = new Section<WeeklyDraft>()
            .key("to", (d, f) -> {
                d.to = f.emails();
                if (d.to.isEmpty() && f.node() == null) {
                    f.error("missing; expected the report's recipients, e.g. to: [\"direction@acme.example\"]");
                }
            })
            .key("day", (d, f) -> d.day = f.choice(DAYS, ReportSpec.DEFAULT_DAY))
            .key("language", (d, f) -> d.language = f.choice(LANGUAGES, d.watchLanguage));

    private final Section<ElasticsearchDraft> elasticsearchKeys = new Section<ElasticsearchDraft>()
            .key(
                    "url",
                    (d, f) -> d.url =
                            f.node() == null ? ElasticsearchSettings.DEFAULT_URL : elasticsearchUrl(f.node(), f.path()))
            .key("api_key", (d, f) -> d.apiKey = f.secret());

    private final Section<MailDraft> mailKeys = new Section<MailDraft>()
            .key("smtp", (d, f) -> {
                String text = f.string(false);
                d.smtp = text == null ? null : smtpUrl(f.node(), f.path(), text);
            })
            .key("username", (d, f) -> d.username = f.string(false))
            .key("password", (d, f) -> d.password = f.secret())
            .key("from", (d, f) -> {
                d.from = f.string(d.smtp != null);
                if (d.from != null && Checks.email(d.from) != null) {
                    f.error("expected " + Checks.email(d.from) + ", got '" + d.from + "'");
                }
            })
            .key("outbox", (d, f) -> d.outbox = f.string(false));

    private final Section<KibanaDraft> kibanaKeys =
            new Section<KibanaDraft>().key("url", (d, f) -> d.url = f.requiredUrl());

    private final Section<SentimentDraft> sentimentKeys =
            new Section<SentimentDraft>().key("models", (d, f) -> modelFiles(f, d.models));

    public WatchBinder(String file, Map<String, String> env, List<WatchError> errors) {
        this.values = new ValueReader(file, env, errors);
    }

    /** The watch, or {@code null} when errors were added. */
    public Watch bind(YamlNode root) {
        int before = values.errorCount();
        YamlNode.Mapping m = values.mapping(root, "", "a watch (watch:, brand:, sources:, ...)");
        if (m == null) {
            return null;
        }
        WatchDraft d = watchKeys.read(values, m, "", new WatchDraft());
        if (values.errorCount() > before || d.brand == null || d.id == null) {
            return null;
        }
        return values.build(m, "", () -> {
            Watch.Builder builder = Watch.builder(d.id, d.brand)
                    .language(d.language)
                    .languages(d.languages)
                    .timezone(d.timezone)
                    .sources(d.sources)
                    .weeklyReport(d.report)
                    .elasticsearch(d.elasticsearch)
                    .mail(d.mail)
                    .kibana(d.kibana)
                    .schedule(d.schedule);
            d.competitors.forEach(builder::competitor);
            d.alerts.forEach(builder::alert);
            d.themes.forEach(builder::theme);
            d.sentimentModels.forEach(builder::sentimentModel);
            return builder.build();
        });
    }

    // ---------------------------------------------------------------- sections

    private String watchId(Field f) {
        String id = f.string(true);
        if (id != null && Checks.id(id) != null) {
            f.error("expected " + Checks.id(id) + ", got '" + id + "'");
        }
        return id;
    }

    private ZoneId timezone(Field f) {
        String tz = f.string(false);
        if (tz == null) {
            return Watch.DEFAULT_TIMEZONE;
        }
        try {
            return ZoneId.of(tz);
        } catch (DateTimeException e) {
            f.error("expected a time zone like Europe/Paris or UTC, got '" + tz + "'");
            return Watch.DEFAULT_TIMEZONE;
        }
    }

    private Schedule schedule(Field f) {
        String text = f.string(false);
        if (text == null) {
            return null;
        }
        try {
            return Schedule.parse(text);
        } catch (IllegalArgumentException e) {
            f.error(e.getMessage());
            return null;
        }
    }

    private Brand brand(Field f) {
        YamlNode node = f.node();
        if (node == null) {
            f.error("missing; expected the brand, e.g. brand: { name: Acme, aliases: [\"Acme Corp\"] }");
            return null;
        }
        String path = f.path();
        if (node instanceof YamlNode.Scalar) {
            String name = values.scalar(node, path, false);
            return name == null ? null : values.build(node, path, () -> new Brand(name, List.of()));
        }
        YamlNode.Mapping m = values.mapping(node, path, "the brand " + brandKeys.braces());
        if (m == null) {
            return null;
        }
        brandKeys.refuseUnknown(values, m, path);
        int before = values.errorCount();
        BrandDraft d = brandKeys.readKeys(values, m, path, new BrandDraft());
        return d.name == null || values.errorCount() > before
                ? null
                : values.build(m, path, () -> new Brand(d.name, d.aliases));
    }

    /** A name (brand or competitor): required, and on one line as it reaches email subjects. */
    private String name(Field f) {
        String name = f.string(true);
        singleLines(f);
        return name;
    }

    /** Aliases: strings, each on one line as they reach email subjects. */
    private List<String> names(Field f) {
        List<String> names = f.strings();
        singleLines(f);
        return names;
    }

    /** Names (a string or a list of strings) as written must be on one line: they reach email subjects. */
    private void singleLines(Field f) {
        YamlNode node = f.node();
        List<YamlNode> items =
                node instanceof YamlNode.Sequence seq ? seq.items() : node == null ? List.of() : List.of(node);
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) instanceof YamlNode.Scalar s && Checks.singleLine(s.text()) != null) {
                values.error(
                        s,
                        f.path() + (node instanceof YamlNode.Sequence ? "[" + i + "]" : ""),
                        "expected " + Checks.singleLine(s.text()));
            }
        }
    }

    private Competitor competitor(YamlNode node, String path) {
        YamlNode.Mapping m = values.mapping(node, path, "a competitor " + competitorKeys.braces());
        if (m == null) {
            return null;
        }
        competitorKeys.refuseUnknown(values, m, path);
        int before = values.errorCount();
        CompetitorDraft d = competitorKeys.readKeys(values, m, path, new CompetitorDraft());
        if (d.name == null || values.errorCount() > before || hasNull(d.feeds) || hasNull(d.pages)) {
            return null;
        }
        return values.build(m, path, () -> new Competitor(d.name, d.aliases, d.feeds, d.pages));
    }

    private PageWatch page(YamlNode node, String path) {
        if (node instanceof YamlNode.Scalar) {
            URI url = values.url(node, path);
            return url == null ? null : values.build(node, path, () -> new PageWatch(url));
        }
        YamlNode.Mapping m = values.mapping(node, path, "a page " + pageKeys.braces());
        if (m == null) {
            return null;
        }
        int before = values.errorCount();
        PageDraft d = pageKeys.read(values, m, path, new PageDraft());
        if (d.url == null || values.errorCount() > before) {
            return null;
        }
        return values.build(m, path, () -> new PageWatch(d.url, d.select, d.ignore, d.noise));
    }

    /** A CSS selector, checked with the parser the page watcher uses; refused at its own line. */
    private String selector(Field f) {
        String css = f.string(false);
        if (css == null || css.isBlank()) {
            return css;
        }
        try {
            PageSpec.checkSelector(f.key(), css.trim());
            return css;
        } catch (IllegalArgumentException e) {
            f.error("expected a CSS selector like \"main .pricing\" or \".date, " + "footer\": " + e.getMessage());
            return null;
        }
    }

    /** Regular expressions of text a page change ignores, checked with the page watcher's own check. */
    private List<String> noise(Field f) {
        List<String> noise = f.strings();
        YamlNode noiseNode = f.node();
        for (int i = 0; i < noise.size(); i++) {
            try {
                PageSpec.checkNoise(noise.get(i));
            } catch (IllegalArgumentException e) {
                boolean listed = noiseNode instanceof YamlNode.Sequence;
                YamlNode at =
                        noiseNode instanceof YamlNode.Sequence seq ? seq.items().get(i) : noiseNode;
                values.error(
                        at,
                        f.path() + (listed ? "[" + i + "]" : ""),
                        "expected a regular expression (Java "
                                + "syntax, in 'single quotes' so that \\d stays as written): " + e.getMessage());
            }
        }
        return noise;
    }

    private Sources sources(Field f) {
        YamlNode node = f.node();
        if (node == null) {
            return Sources.NONE;
        }
        String path = f.path();
        YamlNode.Mapping m =
                values.mapping(node, path, "a mapping of source kinds (" + String.join(", ", sourcesKeys.keys()) + ")");
        if (m == null) {
            return Sources.NONE;
        }
        SourcesDraft d = sourcesKeys.read(values, m, path, new SourcesDraft());
        if (hasNull(d.feeds)
                || hasNull(d.mastodon)
                || hasNull(d.bluesky)
                || hasNull(d.reddit)
                || hasNull(d.hackernews)) {
            return Sources.NONE;
        }
        return Objects.requireNonNullElse(
                values.build(m, path, () -> new Sources(d.feeds, d.mastodon, d.bluesky, d.reddit, d.hackernews)),
                Sources.NONE);
    }

    private MastodonSource mastodon(YamlNode node, String path) {
        YamlNode.Mapping m = values.mapping(node, path, "a mastodon source " + mastodonKeys.braces());
        if (m == null) {
            return null;
        }
        MastodonDraft d = mastodonKeys.read(values, m, path, new MastodonDraft());
        if (d.instance == null) {
            return null;
        }
        if (d.hashtags.isEmpty() && d.queries.isEmpty()) {
            values.error(m, path, "expected hashtags or queries (or both) to follow on " + d.instance);
            return null;
        }
        return values.build(m, path, () -> new MastodonSource(d.instance, d.hashtags, d.queries));
    }

    /** A search that is only a query (Bluesky, Hacker News). */
    private <T> T search(YamlNode node, String path, Function<String, T> factory) {
        YamlNode.Mapping m = values.mapping(node, path, "a search " + searchKeys.braces());
        if (m == null) {
            return null;
        }
        SearchDraft d = searchKeys.read(values, m, path, new SearchDraft());
        return d.query == null ? null : values.build(m, path, () -> factory.apply(d.query));
    }

    private RedditSource reddit(YamlNode node, String path) {
        YamlNode.Mapping m = values.mapping(node, path, "a reddit search " + redditKeys.braces());
        if (m == null) {
            return null;
        }
        RedditDraft d = redditKeys.read(values, m, path, new RedditDraft());
        return d.query == null ? null : values.build(m, path, () -> new RedditSource(d.query, d.subreddits));
    }

    private AlertRuleSpec alert(YamlNode node, String path) {
        YamlNode.Mapping m = values.mapping(node, path, "an alert " + alertKeys.braces());
        if (m == null) {
            return null;
        }
        int before = values.errorCount();
        AlertDraft d = alertKeys.read(values, m, path, new AlertDraft());
        if (m.entries().containsKey("spike")) {
            for (String key : List.of("languages", "sentiment")) {
                YamlNode.Entry filter = m.entries().get(key);
                if (filter != null) {
                    values.error(
                            filter.keyLine(),
                            Field.join(path, key),
                            "a spike alert counts every mention of the " + "brand: it has no " + key
                                    + " filter (on: [negative] counts the negative ones)");
                }
            }
        }
        if (values.errorCount() > before || d.id == null || d.query == null) {
            return null;
        }
        return values.build(
                m,
                path,
                () -> new AlertRuleSpec(d.id, d.query, d.languages, d.sentiment, d.to, d.every, d.webhooks, d.spike));
    }

    /** The settings of a spike alert; {@code null} when the alert has no {@code spike} key, or it is wrong. */
    private SpikeSpec spike(Field f) {
        YamlNode node = f.node();
        if (node == null) {
            return null;
        }
        if (node instanceof YamlNode.Scalar s
                && (s.type() == YamlNode.Scalar.Type.NULL
                        || s.text() == null
                        || s.text().isBlank())) {
            return SpikeSpec.defaults(); // "spike:" alone
        }
        YamlNode.Mapping m = values.mapping(
                node,
                f.path(),
                "a spike alert " + spikeKeys.braces() + ", e.g. spike: { "
                        + "min_mentions: 5, factor: 2, on: [volume, negative] }");
        if (m == null) {
            return null;
        }
        int before = values.errorCount();
        SpikeDraft d = spikeKeys.read(values, m, f.path(), new SpikeDraft());
        if (values.errorCount() > before) {
            return null;
        }
        return values.build(
                m, f.path(), () -> new SpikeSpec(d.minMentions, d.factor, d.on, d.windowHours, d.baselineWeeks));
    }

    /** A whole number of at least 1, {@code fallback} when absent. */
    private int whole(Field f, String what, int fallback) {
        String v = f.string(false);
        if (v == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        f.error("expected " + what + ", a whole number of at least 1, got '" + v + "'");
        return fallback;
    }

    private double factor(Field f) {
        String v = f.string(false);
        if (v == null) {
            return SpikeSpec.DEFAULT_FACTOR;
        }
        try {
            double x = Double.parseDouble(v.trim());
            if (x > 1 && x <= 1_000) {
                return x;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        f.error("expected how many times the usual level makes a spike, a number above 1 (2 = twice), got '" + v + "'");
        return SpikeSpec.DEFAULT_FACTOR;
    }

    private int windowHours(Field f) {
        String v = f.string(false);
        if (v == null) {
            return SpikeSpec.DEFAULT_WINDOW_HOURS;
        }
        java.util.regex.Matcher hours = HOURS.matcher(v.trim().toLowerCase(Locale.ROOT));
        if (hours.matches()) {
            int n = Integer.parseInt(hours.group(1));
            if (n >= 1 && n <= SpikeSpec.MAX_WINDOW_HOURS) {
                return n;
            }
        }
        f.error("expected the hours counted, 1h to " + SpikeSpec.MAX_WINDOW_HOURS + "h (e.g. 3h), got '" + v + "'");
        return SpikeSpec.DEFAULT_WINDOW_HOURS;
    }

    private SpikeKind spikeKind(YamlNode node, String path) {
        String v = values.scalar(node, path, false);
        if (v == null) {
            return null;
        }
        SpikeKind kind = SPIKE_KINDS.get(v.trim().toLowerCase(Locale.ROOT));
        if (kind == null) {
            values.error(
                    node,
                    path,
                    "expected one of " + String.join(", ", SPIKE_KINDS.keySet()) + ", got '" + v + "'"
                            + ValueReader.suggest(v.trim().toLowerCase(Locale.ROOT), SPIKE_KINDS.keySet()));
        }
        return kind;
    }

    /**
     * An alert's {@code to}: email addresses, and webhooks written {@code slack:URL}, {@code teams:URL} or
     * {@code webhook:URL}. A Slack or Teams URL is the credential of its channel: it must come from the environment.
     */
    private void alertTargets(AlertDraft d, Field f) {
        YamlNode node = f.node();
        if (node == null || node instanceof YamlNode.Scalar s && s.type() == YamlNode.Scalar.Type.NULL) {
            return;
        }
        List<YamlNode> items = node instanceof YamlNode.Sequence seq ? seq.items() : List.of(node);
        if (!(node instanceof YamlNode.Sequence) && !(node instanceof YamlNode.Scalar)) {
            values.error(
                    node,
                    f.path(),
                    "expected a list of email addresses or slack:/teams:/webhook: URLs, got " + node.kindName());
            return;
        }
        for (int i = 0; i < items.size(); i++) {
            YamlNode item = items.get(i);
            String path = f.path() + (node instanceof YamlNode.Sequence ? "[" + i + "]" : "");
            String raw = item instanceof YamlNode.Scalar s && s.text() != null
                    ? s.text().trim()
                    : "";
            int colon = raw.indexOf(':');
            Webhook.Kind kind =
                    colon > 0 ? Webhook.Kind.of(raw.substring(0, colon).toLowerCase(Locale.ROOT)) : null;
            if (kind != null) {
                Webhook hook = webhook(kind, raw.substring(colon + 1).trim(), item, path, Map.of());
                if (hook != null) {
                    d.webhooks.add(hook);
                }
                continue;
            }
            String v = values.scalar(item, path, false);
            if (v == null) {
                continue;
            }
            if (Checks.email(v) != null) {
                values.error(
                        item,
                        path,
                        "expected " + Checks.email(v) + " or a webhook (slack:${SLACK_HOOK}, "
                                + "teams:${TEAMS_HOOK}, webhook:https://...), got '" + v + "'");
            } else {
                d.to.add(v);
            }
        }
    }

    private Webhook webhook(YamlNode node, String path) {
        YamlNode.Mapping m = values.mapping(node, path, "a webhook " + webhookKeys.braces());
        if (m == null) {
            return null;
        }
        int before = values.errorCount();
        WebhookDraft d = webhookKeys.read(values, m, path, new WebhookDraft());
        if (values.errorCount() > before || d.url == null) {
            return null;
        }
        YamlNode urlNode = m.entries().get("url").value();
        return webhook(d.kind, d.url, urlNode, Field.join(path, "url"), d.headers);
    }

    /** The raw text of a webhook URL, {@code ${NAME}} not yet replaced, or {@code null} with the error reported. */
    private String webhookUrl(YamlNode node, String path, YamlNode.Mapping mapping) {
        if (node == null) {
            values.error(mapping, path, "missing; expected the webhook's URL, e.g. url: \"${ALERTS_WEBHOOK}\"");
            return null;
        }
        if (!(node instanceof YamlNode.Scalar s) || s.text() == null || s.type() == YamlNode.Scalar.Type.NULL) {
            values.error(node, path, "expected the webhook's URL, got " + node.kindName());
            return null;
        }
        return s.text().trim();
    }

    /**
     * A webhook from the raw text of its URL: a Slack or Teams URL must be a {@code ${NAME}} reference (it is the
     * secret of the channel); the value is never printed, only masked ({@link Webhook#mask}).
     */
    private Webhook webhook(Webhook.Kind kind, String rawUrl, YamlNode node, String path, Map<String, Secret> headers) {
        if (kind != Webhook.Kind.GENERIC && !rawUrl.contains("${")) {
            String variable = kind.code().toUpperCase(Locale.ROOT) + "_WEBHOOK_URL";
            values.error(
                    node,
                    path,
                    "a " + kind.label() + " webhook URL is the secret of its channel: write it as "
                            + kind.code() + ":${" + variable + "} (or url: \"${" + variable
                            + "}\") and set the variable "
                            + "(the value written in the file is not shown)");
            return null;
        }
        String url = values.scalar(new YamlNode.Scalar(node.line(), rawUrl, YamlNode.Scalar.Type.STRING), path, true);
        if (url == null) {
            return null;
        }
        String problem = Webhook.urlProblem(url);
        if (problem != null) {
            values.error(
                    node,
                    path,
                    "expected " + problem + " for the " + kind.label() + " webhook, got " + Webhook.mask(url));
            return null;
        }
        return values.build(node, path, () -> new Webhook(kind, Secret.of(url), headers));
    }

    /** A webhook's {@code headers}: a mapping of header names to values ({@code ${NAME}} for secrets). */
    private Map<String, Secret> webhookHeaders(Field f) {
        YamlNode node = f.node();
        if (node == null || node instanceof YamlNode.Scalar s && s.type() == YamlNode.Scalar.Type.NULL) {
            return Map.of();
        }
        YamlNode.Mapping m = values.mapping(
                node,
                f.path(),
                "a mapping of header names to values, e.g. " + "{ Authorization: \"Bearer ${ALERTS_TOKEN}\" }");
        if (m == null) {
            return Map.of();
        }
        Map<String, Secret> headers = new LinkedHashMap<>();
        m.entries().forEach((name, entry) -> {
            String path = Field.join(f.path(), name);
            String value = values.scalar(entry.value(), path, true);
            if (value == null) {
                return;
            }
            if (Webhook.RESERVED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                values.error(entry.keyLine(), path, "header set by Vigie itself; expected another header name");
            } else if (value.chars().anyMatch(c -> c < 0x20 && c != '\t' || c == 0x7f)) {
                values.error(
                        entry.value(),
                        path,
                        "expected a header value on one line (no line break or control " + "character)");
            } else {
                headers.put(name, Secret.of(value));
            }
        });
        return headers;
    }

    private String alertQuery(Field f) {
        if (f.mapping().entries().containsKey("spike")) {
            if (f.node() != null) {
                f.error("a spike alert has no query: it counts every mention of the brand (make a keyword alert "
                        + "of its own for the query)");
                return null;
            }
            return "";
        }
        String query = f.string(true);
        if (query != null && query.isBlank()) {
            f.error("expected a Lucene query, got an empty one");
        } else if (query != null) {
            checkQuery(f.node(), f.path(), query);
        }
        return query;
    }

    /**
     * Parses an alert query as the run will. Parentheses are counted first: Lucene's parser recurses once per level
     * and a few thousand levels overflow the stack. Any other failure of the parser (too many clauses) is an error
     * of this field, so that the file's other errors are still reported.
     */
    private void checkQuery(YamlNode node, String path, String query) {
        int depth = parenthesesDepth(query);
        if (depth > MAX_QUERY_DEPTH) {
            values.error(
                    node,
                    path,
                    "expected a query with parentheses nested at most " + MAX_QUERY_DEPTH + " deep, got " + depth
                            + " levels");
            return;
        }
        try {
            AlertMatcher.checkQuery(query);
        } catch (AlertQuerySyntaxException e) {
            values.error(
                    node,
                    path,
                    "expected a valid alert query (Lucene syntax): column " + e.column() + ": " + e.reason());
        } catch (RuntimeException e) {
            values.error(
                    node,
                    path,
                    "expected a query the alert matcher can run (split a very long query into " + "several alerts): "
                            + e.getMessage());
        }
    }

    /** The deepest nesting of parentheses outside quoted phrases and escapes. */
    static int parenthesesDepth(String query) {
        int depth = 0;
        int deepest = 0;
        boolean quoted = false;
        for (int i = 0; i < query.length(); i++) {
            char c = query.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                deepest = Math.max(deepest, ++depth);
            } else if (!quoted && c == ')') {
                depth = Math.max(0, depth - 1);
            }
        }
        return deepest;
    }

    private ThemeSpec theme(YamlNode node, String path) {
        YamlNode.Mapping m = values.mapping(node, path, "a theme " + themeKeys.braces());
        if (m == null) {
            return null;
        }
        int before = values.errorCount();
        ThemeDraft d = themeKeys.read(values, m, path, new ThemeDraft());
        if (values.errorCount() > before || d.id == null) {
            return null;
        }
        if (d.examples.isEmpty() && d.keywords.isEmpty()) {
            values.error(m, path, "expected examples or keywords (or both) for theme '" + d.id + "'");
            return null;
        }
        return values.build(m, path, () -> new ThemeSpec(d.id, d.label, d.examples, d.keywords));
    }

    private ReportSpec report(Field f, Language watchLanguage) {
        YamlNode node = f.node();
        if (node == null) {
            return null;
        }
        YamlNode.Mapping m = values.mapping(node, f.path(), "a mapping { weekly: " + weeklyKeys.braces() + " }");
        if (m == null) {
            return null;
        }
        ReportDraft d = new ReportDraft();
        d.watchLanguage = watchLanguage;
        return reportKeys.read(values, m, f.path(), d).weekly;
    }

    private ReportSpec weekly(Field f, Language watchLanguage) {
        YamlNode node = f.node();
        if (node == null) {
            return null;
        }
        String path = f.path();
        YamlNode.Mapping w = values.mapping(node, path, "the weekly report " + weeklyKeys.braces());
        if (w == null) {
            return null;
        }
        int before = values.errorCount();
        WeeklyDraft d = new WeeklyDraft();
        d.watchLanguage = watchLanguage;
        weeklyKeys.read(values, w, path, d);
        if (values.errorCount() > before) {
            return null;
        }
        return values.build(w, path, () -> new ReportSpec(d.to, d.day, d.language));
    }

    private ElasticsearchSettings elasticsearch(Field f) {
        YamlNode node = f.node();
        if (node == null) {
            return ElasticsearchSettings.DEFAULT;
        }
        String path = f.path();
        YamlNode.Mapping m = values.mapping(node, path, "a mapping " + elasticsearchKeys.braces());
        if (m == null) {
            return ElasticsearchSettings.DEFAULT;
        }
        ElasticsearchDraft d = elasticsearchKeys.read(values, m, path, new ElasticsearchDraft());
        if (d.url == null) {
            return ElasticsearchSettings.DEFAULT;
        }
        return Objects.requireNonNullElse(
                values.build(m, path, () -> new ElasticsearchSettings(d.url, Secret.of(d.apiKey))),
                ElasticsearchSettings.DEFAULT);
    }

    /** {@code http(s)://host[:port][/prefix]} as every command reads it; credentials point to {@code api_key}. */
    private URI elasticsearchUrl(YamlNode node, String path) {
        String text = values.scalar(node, path, false);
        if (text == null) {
            return null;
        }
        try {
            URI uri = new URI(text.trim());
            if (uri.getRawUserInfo() != null) {
                values.error(node, path, ElasticsearchSettings.CREDENTIALS_IN_URL);
                return null;
            }
            EsClients.canonical(uri);
            return uri;
        } catch (URISyntaxException | IllegalArgumentException e) {
            values.error(
                    node,
                    path,
                    "expected an absolute http(s) URL like http://es.internal:9200 (port 9200 when "
                            + "none is written; a path is a prefix; no query), got '" + text + "'");
            return null;
        }
    }

    private MailSettings mail(Field f) {
        YamlNode node = f.node();
        if (node == null) {
            return MailSettings.DEFAULT;
        }
        String path = f.path();
        YamlNode.Mapping m = values.mapping(node, path, "a mapping " + mailKeys.braces());
        if (m == null) {
            return MailSettings.DEFAULT;
        }
        int before = values.errorCount();
        MailDraft d = mailKeys.read(values, m, path, new MailDraft());
        if (values.errorCount() > before) {
            return MailSettings.DEFAULT;
        }
        String sender = d.from == null ? MailSettings.DEFAULT_FROM : d.from;
        return Objects.requireNonNullElse(
                values.build(
                        m, path, () -> new MailSettings(d.smtp, d.username, Secret.of(d.password), sender, d.outbox)),
                MailSettings.DEFAULT);
    }

    private URI smtpUrl(YamlNode node, String path, String text) {
        String expected = "expected smtp://host:port (STARTTLS when offered) or smtps://host:port (TLS)";
        try {
            URI uri = new URI(text.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (uri.getUserInfo() != null) {
                values.error(
                        node,
                        path,
                        "must not carry credentials; put them in mail.username and "
                                + "mail.password: \"${SMTP_PASSWORD}\"");
                return null;
            }
            if ((scheme.equals("smtp") || scheme.equals("smtps")) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        values.error(node, path, expected + ", got '" + text + "'");
        return null;
    }

    private URI kibana(Field f) {
        YamlNode node = f.node();
        if (node == null) {
            return null;
        }
        YamlNode.Mapping m = values.mapping(node, f.path(), "a mapping " + kibanaKeys.braces());
        if (m == null) {
            return null;
        }
        return kibanaKeys.read(values, m, f.path(), new KibanaDraft()).url;
    }

    /** {@code sentiment: { models: { fr: models/fr.model } }}: files written by {@code vigie train}, which must exist. */
    private Map<String, String> sentimentModels(Field f) {
        YamlNode node = f.node();
        YamlNode.Mapping m =
                node == null ? null : values.mapping(node, f.path(), "a mapping " + sentimentKeys.braces());
        if (m == null) {
            return new TreeMap<>();
        }
        return sentimentKeys.read(values, m, f.path(), new SentimentDraft()).models;
    }

    /** The {@code models} mapping: language code to model file. */
    private void modelFiles(Field f, Map<String, String> out) {
        YamlNode modelsNode = f.node();
        YamlNode.Mapping models = modelsNode == null
                ? null
                : values.mapping(
                        modelsNode, f.path(), "a mapping of language codes to model files, e.g. fr: models/fr.model");
        if (models == null) {
            return;
        }
        models.entries().forEach((lang, entry) -> {
            String path = f.path() + "." + lang;
            if (!Checks.LANGUAGE_CODE.matcher(lang).matches()) {
                values.error(
                        entry.keyLine(), path, "expected a two-letter language code such as fr, got '" + lang + "'");
                return;
            }
            String file = values.scalar(entry.value(), path, false);
            if (file == null) {
                return;
            }
            if (!Files.isRegularFile(Path.of(file))) {
                values.error(
                        entry.value(),
                        path,
                        "no model file at " + file + " (write one with: vigie train --lang " + lang
                                + " --in labelled.tsv --out " + file + ")");
                return;
            }
            out.put(lang, file);
        });
    }

    // ---------------------------------------------------------------- typed readers

    private String id(Field f) {
        String id = f.string(true);
        if (id != null && Checks.id(id) != null) {
            f.error("expected " + Checks.id(id) + ", got '" + id + "'");
            return null;
        }
        return id;
    }

    /**
     * A {@code languages} list: two-letter codes of languages language detection has a profile for (a code it cannot
     * detect is most likely a typo, and would leave an alert filtering on it silent).
     */
    private List<String> languageCodes(Field f) {
        List<String> codes = f.strings();
        for (int i = 0; i < codes.size(); i++) {
            String lang = codes.get(i);
            String at = f.path() + "[" + i + "]";
            if (!Checks.LANGUAGE_CODE.matcher(lang).matches()) {
                values.error(f.node(), at, "expected a two-letter language code like fr or en, got '" + lang + "'");
            } else if (!LanguageDetector.canDetect(lang)) {
                values.error(
                        f.node(),
                        at,
                        "expected a language Vigie detects, one of " + String.join(", ", DETECTABLE) + ", got '" + lang
                                + "'");
            }
        }
        return codes;
    }

    /** Refuses a value used twice in the list of {@code f} (alert ids, theme ids, competitor names). */
    private void unique(Field f, List<String> read, String field, String what) {
        Map<String, Integer> seen = new HashMap<>();
        YamlNode.Sequence seq = f.node() instanceof YamlNode.Sequence s ? s : null;
        for (int i = 0; i < read.size(); i++) {
            String v = read.get(i);
            if (v == null || seq == null) {
                continue;
            }
            Integer first = seen.putIfAbsent(v, i);
            if (first != null) {
                values.error(
                        seq.items().get(i),
                        f.path() + "[" + i + "]." + field,
                        "duplicate " + what + " '" + v
                                + "' (already used by " + f.path() + "[" + first + "], line "
                                + seq.items().get(first).line()
                                + ")");
            }
        }
    }

    private static <E> Map<String, E> choices(E[] values, Function<E, String> code, E skip) {
        Map<String, E> map = new LinkedHashMap<>();
        for (E v : values) {
            if (v != skip) {
                map.put(code.apply(v), v);
            }
        }
        return map;
    }

    private static boolean hasNull(List<?> values) {
        return values.stream().anyMatch(Objects::isNull);
    }

    // ---------------------------------------------------------------- drafts: what a section has read so far

    private static final class WatchDraft {
        String id;
        Language language;
        List<String> languages;
        ZoneId timezone;
        Brand brand;
        List<Competitor> competitors;
        Sources sources;
        List<AlertRuleSpec> alerts;
        List<ThemeSpec> themes;
        ReportSpec report;
        ElasticsearchSettings elasticsearch;
        MailSettings mail;
        URI kibana;
        Schedule schedule;
        Map<String, String> sentimentModels;
    }

    private static final class BrandDraft {
        String name;
        List<String> aliases;
    }

    private static final class CompetitorDraft {
        String name;
        List<String> aliases;
        List<URI> feeds;
        List<PageWatch> pages;
    }

    private static final class PageDraft {
        URI url;
        String select;
        String ignore;
        List<String> noise;
    }

    private static final class SourcesDraft {
        List<URI> feeds;
        List<MastodonSource> mastodon;
        List<BlueskySource> bluesky;
        List<RedditSource> reddit;
        List<HackerNewsSource> hackernews;
    }

    private static final class MastodonDraft {
        URI instance;
        List<String> hashtags;
        List<String> queries;
    }

    private static final class SearchDraft {
        String query;
    }

    private static final class RedditDraft {
        String query;
        List<String> subreddits;
    }

    private static final class AlertDraft {
        String id;
        String query;
        List<String> languages;
        SentimentFilter sentiment;
        final List<String> to = new ArrayList<>();
        Frequency every;
        final List<Webhook> webhooks = new ArrayList<>();
        SpikeSpec spike;
    }

    private static final class SpikeDraft {
        int minMentions;
        double factor;
        List<SpikeKind> on;
        int windowHours;
        int baselineWeeks;
    }

    private static final class WebhookDraft {
        String url;
        Webhook.Kind kind;
        Map<String, Secret> headers = Map.of();
    }

    private static final class ThemeDraft {
        String id;
        String label;
        List<String> examples;
        List<String> keywords;
    }

    private static final class ReportDraft {
        Language watchLanguage;
        ReportSpec weekly;
    }

    private static final class WeeklyDraft {
        Language watchLanguage;
        List<String> to;
        DayOfWeek day;
        Language language;
    }

    private static final class ElasticsearchDraft {
        URI url;
        String apiKey;
    }

    private static final class MailDraft {
        URI smtp;
        String username;
        String password;
        String from;
        String outbox;
    }

    private static final class KibanaDraft {
        URI url;
    }

    private static final class SentimentDraft {
        final Map<String, String> models = new TreeMap<>();
    }
}
