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
import dev.vigie.jobs.watch.Schedule;
import dev.vigie.jobs.watch.Secret;
import dev.vigie.jobs.watch.SentimentFilter;
import dev.vigie.jobs.watch.Sources;
import dev.vigie.jobs.watch.ThemeSpec;
import dev.vigie.jobs.watch.Watch;
import dev.vigie.jobs.watch.WatchError;
import dev.vigie.jobs.watch.ReportSpec;
import dev.vigie.nlp.alert.AlertMatcher;
import dev.vigie.nlp.alert.AlertQuerySyntaxException;
import dev.vigie.nlp.lang.LanguageDetector;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Walks a {@link YamlNode} tree into a {@link Watch}, collecting every error with its line and field path instead of
 * stopping at the first. A field that is wrong yields {@code null} here and the watch is not built; the caller sees
 * the list of errors.
 */
public final class WatchBinder {
    private static final Pattern VARIABLE = Pattern.compile(
            "\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}|\\$\\{([^}]*)}?");

    /** Deepest nesting of parentheses in an alert query; real queries use two or three levels. */
    static final int MAX_QUERY_DEPTH = 50;

    static final List<String> ROOT_KEYS = List.of("watch", "language", "languages", "timezone", "brand", "competitors",
            "sources", "alerts", "themes", "report", "elasticsearch", "mail", "kibana", "schedule", "sentiment");

    /** Two-letter codes of the languages with a detection profile, for error messages. */
    private static final List<String> DETECTABLE = LanguageDetector.builtInLanguages().stream()
            .map(code -> code.split("-")[0]).filter(code -> Checks.LANGUAGE_CODE.matcher(code).matches())
            .distinct().sorted().toList();

    private final String file;
    private final Map<String, String> env;
    private final List<WatchError> errors;
    /** Values substituted for {@code ${NAME}}, longest first, and their references (for {@link #masked}). */
    private final Map<String, String> substituted = new java.util.TreeMap<>(
            java.util.Comparator.comparingInt(String::length).reversed().thenComparing(java.util.Comparator.naturalOrder()));

    public WatchBinder(String file, Map<String, String> env, List<WatchError> errors) {
        this.file = file;
        this.env = Map.copyOf(env);
        this.errors = errors;
    }

    /** The watch, or {@code null} when errors were added. */
    public Watch bind(YamlNode root) {
        int before = errors.size();
        YamlNode.Mapping m = mapping(root, "", "a watch (watch:, brand:, sources:, ...)");
        if (m == null) {
            return null;
        }
        keys(m, "", ROOT_KEYS);
        String id = string(m, "watch", "", true, false);
        if (id != null && Checks.id(id) != null) {
            error(m.entries().get("watch").value(), "watch", "expected " + Checks.id(id) + ", got '" + id + "'");
        }
        Language language = choice(m, "language", "", languages(), Watch.DEFAULT_LANGUAGE);
        List<String> detected = languageCodes(m, "");
        ZoneId timezone = timezone(m);
        Brand brand = brand(m);
        List<Competitor> competitors = list(m, "competitors", "", this::competitor);
        Sources sources = sources(m);
        List<AlertRuleSpec> alerts = list(m, "alerts", "", this::alert);
        unique(m, "alerts", alerts.stream().map(a -> a == null ? null : a.id()).toList(), "id", "alert id");
        List<ThemeSpec> themes = list(m, "themes", "", this::theme);
        unique(m, "themes", themes.stream().map(t -> t == null ? null : t.id()).toList(), "id", "theme id");
        unique(m, "competitors", competitors.stream().map(c -> c == null ? null : c.name()).toList(), "name",
                "competitor name");
        ReportSpec report = report(m, language);
        ElasticsearchSettings es = elasticsearch(m);
        MailSettings mail = mail(m);
        URI kibana = kibana(m);
        Schedule schedule = schedule(m);
        Map<String, String> sentimentModels = sentimentModels(m);
        if (errors.size() > before || brand == null || id == null) {
            return null;
        }
        return build(m, "", () -> {
            Watch.Builder builder = Watch.builder(id, brand).language(language).languages(detected).timezone(timezone)
                    .sources(sources).weeklyReport(report).elasticsearch(es).mail(mail).kibana(kibana)
                    .schedule(schedule);
            competitors.forEach(builder::competitor);
            alerts.forEach(builder::alert);
            themes.forEach(builder::theme);
            sentimentModels.forEach(builder::sentimentModel);
            return builder.build();
        });
    }

    // ---------------------------------------------------------------- sections

    private ZoneId timezone(YamlNode.Mapping m) {
        String tz = string(m, "timezone", "", false, false);
        if (tz == null) {
            return Watch.DEFAULT_TIMEZONE;
        }
        try {
            return ZoneId.of(tz);
        } catch (DateTimeException e) {
            error(m.entries().get("timezone").value(), "timezone",
                    "expected a time zone like Europe/Paris or UTC, got '" + tz + "'");
            return Watch.DEFAULT_TIMEZONE;
        }
    }

    private Schedule schedule(YamlNode.Mapping m) {
        String text = string(m, "schedule", "", false, false);
        if (text == null) {
            return null;
        }
        try {
            return Schedule.parse(text);
        } catch (IllegalArgumentException e) {
            error(m.entries().get("schedule").value(), "schedule", e.getMessage());
            return null;
        }
    }

    private Brand brand(YamlNode.Mapping root) {
        YamlNode node = child(root, "brand");
        if (node == null) {
            error(root, "brand", "missing; expected the brand, e.g. brand: { name: Acme, aliases: [\"Acme Corp\"] }");
            return null;
        }
        if (node instanceof YamlNode.Scalar) {
            String name = scalar(node, "brand", false);
            return name == null ? null : build(node, "brand", () -> new Brand(name, List.of()));
        }
        YamlNode.Mapping m = mapping(node, "brand", "the brand { name, aliases }");
        if (m == null) {
            return null;
        }
        keys(m, "brand", List.of("name", "aliases"));
        int before = errors.size();
        String name = string(m, "name", "brand", true, false);
        List<String> aliases = strings(m, "aliases", "brand");
        singleLines(m, "name", "brand");
        singleLines(m, "aliases", "brand");
        return name == null || errors.size() > before ? null : build(m, "brand", () -> new Brand(name, aliases));
    }

    /** Names (a string or a list of strings) as written must be on one line: they reach email subjects. */
    private void singleLines(YamlNode.Mapping m, String key, String path) {
        YamlNode node = child(m, key);
        List<YamlNode> items = node instanceof YamlNode.Sequence seq ? seq.items()
                : node == null ? List.of() : List.of(node);
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) instanceof YamlNode.Scalar s && Checks.singleLine(s.text()) != null) {
                error(s, join(path, key) + (node instanceof YamlNode.Sequence ? "[" + i + "]" : ""),
                        "expected " + Checks.singleLine(s.text()));
            }
        }
    }

    private Competitor competitor(YamlNode node, String path) {
        YamlNode.Mapping m = mapping(node, path, "a competitor { name, aliases, feeds, pages }");
        if (m == null) {
            return null;
        }
        keys(m, path, List.of("name", "aliases", "feeds", "pages"));
        int before = errors.size();
        String name = string(m, "name", path, true, false);
        List<String> aliases = strings(m, "aliases", path);
        singleLines(m, "name", path);
        singleLines(m, "aliases", path);
        List<URI> feeds = urls(m, "feeds", path);
        List<PageWatch> pages = list(m, "pages", path, this::page);
        if (name == null || errors.size() > before || hasNull(feeds) || hasNull(pages)) {
            return null;
        }
        return build(m, path, () -> new Competitor(name, aliases, feeds, pages));
    }

    private PageWatch page(YamlNode node, String path) {
        if (node instanceof YamlNode.Scalar) {
            URI url = url(node, path);
            return url == null ? null : build(node, path, () -> new PageWatch(url));
        }
        YamlNode.Mapping m = mapping(node, path, "a page { url, select, ignore, noise }");
        if (m == null) {
            return null;
        }
        int before = errors.size();
        keys(m, path, List.of("url", "select", "ignore", "noise"));
        URI url = requiredUrl(m, "url", path);
        String select = selector(m, "select", path);
        String ignore = selector(m, "ignore", path);
        List<String> noise = strings(m, "noise", path);
        YamlNode noiseNode = child(m, "noise");
        for (int i = 0; i < noise.size(); i++) {
            try {
                PageSpec.checkNoise(noise.get(i));
            } catch (IllegalArgumentException e) {
                boolean listed = noiseNode instanceof YamlNode.Sequence;
                YamlNode at = noiseNode instanceof YamlNode.Sequence seq ? seq.items().get(i) : noiseNode;
                error(at, path + ".noise" + (listed ? "[" + i + "]" : ""), "expected a regular expression (Java "
                        + "syntax, in 'single quotes' so that \\d stays as written): " + e.getMessage());
            }
        }
        if (url == null || errors.size() > before) {
            return null;
        }
        return build(m, path, () -> new PageWatch(url, select, ignore, noise));
    }

    /** A CSS selector, checked with the parser the page watcher uses; refused at its own line. */
    private String selector(YamlNode.Mapping m, String key, String path) {
        String css = string(m, key, path, false, false);
        if (css == null || css.isBlank()) {
            return css;
        }
        try {
            PageSpec.checkSelector(key, css.trim());
            return css;
        } catch (IllegalArgumentException e) {
            error(child(m, key), join(path, key), "expected a CSS selector like \"main .pricing\" or \".date, "
                    + "footer\": " + e.getMessage());
            return null;
        }
    }

    private Sources sources(YamlNode.Mapping root) {
        YamlNode node = child(root, "sources");
        if (node == null) {
            return Sources.NONE;
        }
        YamlNode.Mapping m = mapping(node, "sources", "a mapping of source kinds (feeds, mastodon, bluesky, reddit, hackernews)");
        if (m == null) {
            return Sources.NONE;
        }
        keys(m, "sources", List.of("feeds", "mastodon", "bluesky", "reddit", "hackernews"));
        List<URI> feeds = urls(m, "feeds", "sources");
        List<MastodonSource> mastodon = list(m, "mastodon", "sources", this::mastodon);
        List<BlueskySource> bluesky = list(m, "bluesky", "sources", (n, p) -> queryOnly(n, p, BlueskySource::new));
        List<RedditSource> reddit = list(m, "reddit", "sources", this::reddit);
        List<HackerNewsSource> hn = list(m, "hackernews", "sources", (n, p) -> queryOnly(n, p, HackerNewsSource::new));
        if (hasNull(feeds) || hasNull(mastodon) || hasNull(bluesky) || hasNull(reddit)
                || hasNull(hn)) {
            return Sources.NONE;
        }
        return Objects.requireNonNullElse(build(m, "sources", () -> new Sources(feeds, mastodon, bluesky, reddit, hn)),
                Sources.NONE);
    }

    private MastodonSource mastodon(YamlNode node, String path) {
        YamlNode.Mapping m = mapping(node, path, "a mastodon source { instance, hashtags, queries }");
        if (m == null) {
            return null;
        }
        keys(m, path, List.of("instance", "hashtags", "queries"));
        URI instance = requiredUrl(m, "instance", path);
        List<String> hashtags = strings(m, "hashtags", path);
        List<String> queries = strings(m, "queries", path);
        if (instance == null) {
            return null;
        }
        if (hashtags.isEmpty() && queries.isEmpty()) {
            error(m, path, "expected hashtags or queries (or both) to follow on " + instance);
            return null;
        }
        return build(m, path, () -> new MastodonSource(instance, hashtags, queries));
    }

    private <T> T queryOnly(YamlNode node, String path, java.util.function.Function<String, T> factory) {
        YamlNode.Mapping m = mapping(node, path, "a search { query }");
        if (m == null) {
            return null;
        }
        keys(m, path, List.of("query"));
        String query = string(m, "query", path, true, false);
        return query == null ? null : build(m, path, () -> factory.apply(query));
    }

    private RedditSource reddit(YamlNode node, String path) {
        YamlNode.Mapping m = mapping(node, path, "a reddit search { query, subreddits }");
        if (m == null) {
            return null;
        }
        keys(m, path, List.of("query", "subreddits"));
        String query = string(m, "query", path, true, false);
        List<String> subreddits = strings(m, "subreddits", path);
        return query == null ? null : build(m, path, () -> new RedditSource(query, subreddits));
    }

    private AlertRuleSpec alert(YamlNode node, String path) {
        YamlNode.Mapping m = mapping(node, path, "an alert { id, query, languages, sentiment, to, every }");
        if (m == null) {
            return null;
        }
        int before = errors.size();
        keys(m, path, List.of("id", "query", "languages", "sentiment", "to", "every"));
        String id = id(m, path);
        String query = string(m, "query", path, true, false);
        if (query != null && query.isBlank()) {
            error(m.entries().get("query").value(), path + ".query", "expected a Lucene query, got an empty one");
        } else if (query != null) {
            checkQuery(m.entries().get("query").value(), path + ".query", query);
        }
        List<String> languages = languageCodes(m, path);
        SentimentFilter sentiment = choice(m, "sentiment", path, enumChoices(SentimentFilter.values(),
                SentimentFilter::code, SentimentFilter.ANY), SentimentFilter.ANY);
        List<String> to = emails(m, "to", path);
        Frequency every = choice(m, "every", path, enumChoices(Frequency.values(), Frequency::code, null),
                AlertRuleSpec.DEFAULT_EVERY);
        if (errors.size() > before || id == null || query == null) {
            return null;
        }
        return build(m, path, () -> new AlertRuleSpec(id, query, languages, sentiment, to, every));
    }

    /**
     * Parses an alert query as the run will. Parentheses are counted first: Lucene's parser recurses once per level
     * and a few thousand levels overflow the stack. Any other failure of the parser (too many clauses) is an error
     * of this field, so that the file's other errors are still reported.
     */
    private void checkQuery(YamlNode node, String path, String query) {
        int depth = parenthesesDepth(query);
        if (depth > MAX_QUERY_DEPTH) {
            error(node, path, "expected a query with parentheses nested at most " + MAX_QUERY_DEPTH
                    + " deep, got " + depth + " levels");
            return;
        }
        try {
            AlertMatcher.checkQuery(query);
        } catch (AlertQuerySyntaxException e) {
            error(node, path, "expected a valid alert query (Lucene syntax): column " + e.column() + ": "
                    + e.reason());
        } catch (RuntimeException e) {
            error(node, path, "expected a query the alert matcher can run (split a very long query into several "
                    + "alerts): " + e.getMessage());
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
        YamlNode.Mapping m = mapping(node, path, "a theme { id, label, examples, keywords }");
        if (m == null) {
            return null;
        }
        int before = errors.size();
        keys(m, path, List.of("id", "label", "examples", "keywords"));
        String id = id(m, path);
        String label = string(m, "label", path, false, false);
        List<String> examples = strings(m, "examples", path);
        List<String> keywords = strings(m, "keywords", path);
        if (errors.size() > before || id == null) {
            return null;
        }
        if (examples.isEmpty() && keywords.isEmpty()) {
            error(m, path, "expected examples or keywords (or both) for theme '" + id + "'");
            return null;
        }
        return build(m, path, () -> new ThemeSpec(id, label, examples, keywords));
    }

    private ReportSpec report(YamlNode.Mapping root, Language watchLanguage) {
        YamlNode node = child(root, "report");
        if (node == null) {
            return null;
        }
        YamlNode.Mapping m = mapping(node, "report", "a mapping { weekly: { to, day, language } }");
        if (m == null) {
            return null;
        }
        keys(m, "report", List.of("weekly"));
        YamlNode weeklyNode = child(m, "weekly");
        if (weeklyNode == null) {
            return null;
        }
        String path = "report.weekly";
        YamlNode.Mapping w = mapping(weeklyNode, path, "the weekly report { to, day, language }");
        if (w == null) {
            return null;
        }
        int before = errors.size();
        keys(w, path, List.of("to", "day", "language"));
        List<String> to = emails(w, "to", path);
        if (to.isEmpty() && child(w, "to") == null) {
            error(w, path + ".to", "missing; expected the report's recipients, e.g. to: [\"direction@acme.example\"]");
        }
        Map<String, DayOfWeek> days = new LinkedHashMap<>();
        Arrays.stream(DayOfWeek.values()).forEach(d -> days.put(d.name().toLowerCase(Locale.ROOT), d));
        DayOfWeek day = choice(w, "day", path, days, ReportSpec.DEFAULT_DAY);
        Language language = choice(w, "language", path, languages(), watchLanguage);
        if (errors.size() > before) {
            return null;
        }
        return build(w, path, () -> new ReportSpec(to, day, language));
    }

    private ElasticsearchSettings elasticsearch(YamlNode.Mapping root) {
        YamlNode node = child(root, "elasticsearch");
        if (node == null) {
            return ElasticsearchSettings.DEFAULT;
        }
        YamlNode.Mapping m = mapping(node, "elasticsearch", "a mapping { url, api_key }");
        if (m == null) {
            return ElasticsearchSettings.DEFAULT;
        }
        keys(m, "elasticsearch", List.of("url", "api_key"));
        URI url = child(m, "url") == null ? ElasticsearchSettings.DEFAULT_URL : elasticsearchUrl(child(m, "url"));
        String apiKey = string(m, "api_key", "elasticsearch", false, true);
        if (url == null) {
            return ElasticsearchSettings.DEFAULT;
        }
        return Objects.requireNonNullElse(
                build(m, "elasticsearch", () -> new ElasticsearchSettings(url, Secret.of(apiKey))),
                ElasticsearchSettings.DEFAULT);
    }

    /** {@code http(s)://host[:port][/prefix]} as every command reads it; credentials point to {@code api_key}. */
    private URI elasticsearchUrl(YamlNode node) {
        String path = "elasticsearch.url";
        String text = scalar(node, path, false);
        if (text == null) {
            return null;
        }
        try {
            URI uri = new URI(text.trim());
            if (uri.getRawUserInfo() != null) {
                error(node, path, ElasticsearchSettings.CREDENTIALS_IN_URL);
                return null;
            }
            EsClients.canonical(uri);
            return uri;
        } catch (URISyntaxException | IllegalArgumentException e) {
            error(node, path, "expected an absolute http(s) URL like http://es.internal:9200 (port 9200 when none is "
                    + "written; a path is a prefix; no query), got '"
                    + text + "'");
            return null;
        }
    }

    private MailSettings mail(YamlNode.Mapping root) {
        YamlNode node = child(root, "mail");
        if (node == null) {
            return MailSettings.DEFAULT;
        }
        String path = "mail";
        YamlNode.Mapping m = mapping(node, path, "a mapping { smtp, username, password, from, outbox }");
        if (m == null) {
            return MailSettings.DEFAULT;
        }
        int before = errors.size();
        keys(m, path, List.of("smtp", "username", "password", "from", "outbox"));
        String smtpText = string(m, "smtp", path, false, false);
        URI smtp = null;
        if (smtpText != null) {
            smtp = smtpUrl(m.entries().get("smtp").value(), smtpText);
        }
        String username = string(m, "username", path, false, false);
        String password = string(m, "password", path, false, true);
        String from = string(m, "from", path, smtp != null, false);
        if (from != null && Checks.email(from) != null) {
            error(m.entries().get("from").value(), path + ".from", "expected " + Checks.email(from) + ", got '" + from + "'");
        }
        String outbox = string(m, "outbox", path, false, false);
        if (errors.size() > before) {
            return MailSettings.DEFAULT;
        }
        URI server = smtp;
        String sender = from == null ? MailSettings.DEFAULT_FROM : from;
        return Objects.requireNonNullElse(build(m, path,
                () -> new MailSettings(server, username, Secret.of(password), sender, outbox)), MailSettings.DEFAULT);
    }

    private URI smtpUrl(YamlNode node, String text) {
        String expected = "expected smtp://host:port (STARTTLS when offered) or smtps://host:port (TLS)";
        try {
            URI uri = new URI(text.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (uri.getUserInfo() != null) {
                error(node, "mail.smtp", "must not carry credentials; put them in mail.username and "
                        + "mail.password: \"${SMTP_PASSWORD}\"");
                return null;
            }
            if ((scheme.equals("smtp") || scheme.equals("smtps")) && uri.getHost() != null) {
                return uri;
            }
        } catch (java.net.URISyntaxException e) {
            // reported below
        }
        error(node, "mail.smtp", expected + ", got '" + text + "'");
        return null;
    }

    private URI kibana(YamlNode.Mapping root) {
        YamlNode node = child(root, "kibana");
        if (node == null) {
            return null;
        }
        YamlNode.Mapping m = mapping(node, "kibana", "a mapping { url }");
        if (m == null) {
            return null;
        }
        keys(m, "kibana", List.of("url"));
        return requiredUrl(m, "url", "kibana");
    }

    /** {@code sentiment: { models: { fr: models/fr.model } }}: files written by {@code vigie train}, which must exist. */
    private Map<String, String> sentimentModels(YamlNode.Mapping root) {
        Map<String, String> out = new java.util.TreeMap<>();
        YamlNode node = child(root, "sentiment");
        YamlNode.Mapping m = node == null ? null : mapping(node, "sentiment", "a mapping { models }");
        if (m == null) {
            return out;
        }
        keys(m, "sentiment", List.of("models"));
        YamlNode modelsNode = child(m, "models");
        YamlNode.Mapping models = modelsNode == null ? null
                : mapping(modelsNode, "sentiment.models", "a mapping of language codes to model files, e.g. fr: models/fr.model");
        if (models == null) {
            return out;
        }
        models.entries().forEach((lang, entry) -> {
            String path = "sentiment.models." + lang;
            if (!Checks.LANGUAGE_CODE.matcher(lang).matches()) {
                error(entry.keyLine(), path, "expected a two-letter language code such as fr, got '" + lang + "'");
                return;
            }
            String file = scalar(entry.value(), path, false);
            if (file == null) {
                return;
            }
            if (!java.nio.file.Files.isRegularFile(java.nio.file.Path.of(file))) {
                error(entry.value(), path, "no model file at " + file + " (write one with: vigie train --lang " + lang
                        + " --in labelled.tsv --out " + file + ")");
                return;
            }
            out.put(lang, file);
        });
        return out;
    }

    // ---------------------------------------------------------------- typed readers

    private String id(YamlNode.Mapping m, String path) {
        String id = string(m, "id", path, true, false);
        if (id != null && Checks.id(id) != null) {
            error(m.entries().get("id").value(), path + ".id", "expected " + Checks.id(id) + ", got '" + id + "'");
            return null;
        }
        return id;
    }

    private URI requiredUrl(YamlNode.Mapping m, String key, String path) {
        YamlNode node = child(m, key);
        if (node == null) {
            error(m, join(path, key), "missing; expected an absolute http(s) URL");
            return null;
        }
        return url(node, join(path, key));
    }

    private URI url(YamlNode node, String path) {
        String text = scalar(node, path, false);
        if (text == null) {
            return null;
        }
        URI uri = Checks.httpUrl(text);
        if (uri == null) {
            error(node, path, "expected an absolute http(s) URL like https://example.com/feed, got '" + text + "'");
        }
        return uri;
    }

    private List<URI> urls(YamlNode.Mapping m, String key, String path) {
        return list(m, key, path, this::url);
    }

    private List<String> emails(YamlNode.Mapping m, String key, String path) {
        List<String> values = strings(m, key, path);
        List<String> valid = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            String v = values.get(i);
            if (v == null) {
                continue;
            }
            if (Checks.email(v) != null) {
                YamlNode n = child(m, key);
                YamlNode at = n instanceof YamlNode.Sequence s ? s.items().get(i) : n;
                error(at, join(path, key) + (n instanceof YamlNode.Sequence ? "[" + i + "]" : ""),
                        "expected " + Checks.email(v) + ", got '" + v + "'");
            } else {
                valid.add(v);
            }
        }
        return valid;
    }

    /** A list of strings; a single scalar counts as a list of one. Items in error are left out. */
    private List<String> strings(YamlNode.Mapping m, String key, String path) {
        YamlNode node = child(m, key);
        if (node == null || node instanceof YamlNode.Scalar s && s.type() == YamlNode.Scalar.Type.NULL) {
            return List.of();
        }
        if (node instanceof YamlNode.Scalar) {
            String v = scalar(node, join(path, key), false);
            return v == null ? List.of() : List.of(v);
        }
        if (!(node instanceof YamlNode.Sequence seq)) {
            error(node, join(path, key), "expected a list of strings, got " + node.kindName());
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < seq.items().size(); i++) {
            String v = scalar(seq.items().get(i), join(path, key) + "[" + i + "]", false);
            if (v != null) {
                if (v.isBlank()) {
                    error(seq.items().get(i), join(path, key) + "[" + i + "]", "expected a non-empty string");
                } else {
                    out.add(v);
                }
            }
        }
        return out;
    }

    /** A list of items; an item in error is {@code null} in the result. */
    private <T> List<T> list(YamlNode.Mapping m, String key, String path, ItemReader<T> reader) {
        YamlNode node = child(m, key);
        if (node == null || node instanceof YamlNode.Scalar s && s.type() == YamlNode.Scalar.Type.NULL) {
            return List.of();
        }
        String listPath = join(path, key);
        if (!(node instanceof YamlNode.Sequence seq)) {
            error(node, listPath, "expected a list (items starting with '- '), got " + node.kindName());
            return List.of();
        }
        List<T> out = new ArrayList<>();
        for (int i = 0; i < seq.items().size(); i++) {
            out.add(reader.read(seq.items().get(i), listPath + "[" + i + "]"));
        }
        return out;
    }

    @FunctionalInterface
    private interface ItemReader<T> {
        T read(YamlNode node, String path);
    }

    private <E> E choice(YamlNode.Mapping m, String key, String path, Map<String, E> allowed, E fallback) {
        String v = string(m, key, path, false, false);
        if (v == null) {
            return fallback;
        }
        E e = allowed.get(v.trim().toLowerCase(Locale.ROOT));
        if (e == null) {
            String hint = suggest(v.trim().toLowerCase(Locale.ROOT), allowed.keySet());
            error(m.entries().get(key).value(), join(path, key), "expected one of "
                    + String.join(", ", allowed.keySet()) + ", got '" + v + "'" + hint);
            return fallback;
        }
        return e;
    }

    /**
     * The {@code languages} list of a mapping: two-letter codes of languages language detection has a profile for
     * (a code it cannot detect is most likely a typo, and would leave an alert filtering on it silent).
     */
    private List<String> languageCodes(YamlNode.Mapping m, String path) {
        List<String> codes = strings(m, "languages", path);
        for (int i = 0; i < codes.size(); i++) {
            String lang = codes.get(i);
            String at = join(path, "languages") + "[" + i + "]";
            if (!Checks.LANGUAGE_CODE.matcher(lang).matches()) {
                error(m.entries().get("languages").value(), at,
                        "expected a two-letter language code like fr or en, got '" + lang + "'");
            } else if (!LanguageDetector.canDetect(lang)) {
                error(m.entries().get("languages").value(), at, "expected a language Vigie detects, one of "
                        + String.join(", ", DETECTABLE) + ", got '" + lang + "'");
            }
        }
        return codes;
    }

    private static Map<String, Language> languages() {
        return enumChoices(Language.values(), Language::code, null);
    }

    private static <E> Map<String, E> enumChoices(E[] values, java.util.function.Function<E, String> code, E skip) {
        Map<String, E> map = new LinkedHashMap<>();
        for (E v : values) {
            if (v != skip) {
                map.put(code.apply(v), v);
            }
        }
        return map;
    }

    /**
     * A scalar field read as text with {@code ${NAME}} replaced. A secret must come from the environment, and its
     * value never appears in an error.
     */
    private String string(YamlNode.Mapping m, String key, String path, boolean required, boolean secret) {
        YamlNode node = child(m, key);
        String fieldPath = join(path, key);
        if (node == null || node instanceof YamlNode.Scalar s && s.type() == YamlNode.Scalar.Type.NULL) {
            if (required) {
                error(node == null ? m : node, fieldPath, "missing; a value is required");
            }
            return null;
        }
        if (secret && node instanceof YamlNode.Scalar s && s.text() != null && !s.text().trim().matches("\\$\\{[^}]+}")) {
            error(node, fieldPath, "a secret must come from the environment, e.g. " + key + ": \"${"
                    + key.toUpperCase(Locale.ROOT).replace('-', '_') + "}\" (the value written in the file is not shown)");
            return null;
        }
        return scalar(node, fieldPath, secret);
    }

    private String scalar(YamlNode node, String path, boolean secret) {
        if (!(node instanceof YamlNode.Scalar s)) {
            error(node, path, "expected " + (secret ? "a secret" : "a string") + ", got " + node.kindName());
            return null;
        }
        if (s.type() == YamlNode.Scalar.Type.NULL) {
            error(node, path, "expected a value, got an empty one");
            return null;
        }
        return substitute(s, path, secret);
    }

    private String substitute(YamlNode.Scalar s, String path, boolean secret) {
        String text = s.text();
        if (text.indexOf('$') < 0) {
            return text;
        }
        Matcher matcher = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        boolean ok = true;
        while (matcher.find()) {
            String name = matcher.group(1);
            String fallback = matcher.group(2);
            String value = name == null ? null : env.getOrDefault(name, fallback);
            if (name == null) {
                error(s, path, "'" + matcher.group() + "' is not a valid ${NAME} or ${NAME:-default} reference");
                ok = false;
            } else if (value == null) {
                error(s, path, "environment variable " + name + " is not set");
                ok = false;
            } else if (secret && fallback != null && !fallback.isEmpty()) {
                error(s, path, "a secret cannot have a default written in the file; use ${" + name + ":-} or ${"
                        + name + "} (the value written in the file is not shown)");
                ok = false;
            } else {
                if (value.length() >= 3) {
                    substituted.putIfAbsent(value, "${" + name + "}");
                }
                matcher.appendReplacement(out, Matcher.quoteReplacement(value));
            }
        }
        matcher.appendTail(out);
        return ok ? out.toString() : null;
    }

    private YamlNode.Mapping mapping(YamlNode node, String path, String expected) {
        if (node instanceof YamlNode.Mapping m) {
            return m;
        }
        error(node, path, "expected " + expected + ", got " + node.kindName());
        return null;
    }

    private void keys(YamlNode.Mapping m, String path, List<String> allowed) {
        m.entries().forEach((key, entry) -> {
            if (!allowed.contains(key)) {
                error(entry.keyLine(), join(path, key), "unknown key" + suggest(key, allowed)
                        + "; expected one of " + String.join(", ", allowed));
            }
        });
    }

    private void unique(YamlNode.Mapping m, String listKey, List<String> values, String field, String what) {
        Map<String, Integer> seen = new HashMap<>();
        YamlNode.Sequence seq = child(m, listKey) instanceof YamlNode.Sequence s ? s : null;
        for (int i = 0; i < values.size(); i++) {
            String v = values.get(i);
            if (v == null || seq == null) {
                continue;
            }
            Integer first = seen.putIfAbsent(v, i);
            if (first != null) {
                error(seq.items().get(i), listKey + "[" + i + "]." + field, "duplicate " + what + " '" + v
                        + "' (already used by " + listKey + "[" + first + "], line " + seq.items().get(first).line() + ")");
            }
        }
    }

    private <T> T build(YamlNode node, String path, Supplier<T> constructor) {
        try {
            return constructor.get();
        } catch (IllegalArgumentException | NullPointerException e) {
            error(node, path, e.getMessage());
            return null;
        }
    }

    private static boolean hasNull(List<?> values) {
        return values.stream().anyMatch(Objects::isNull);
    }

    private static YamlNode child(YamlNode.Mapping m, String key) {
        YamlNode.Entry e = m.entries().get(key);
        return e == null ? null : e.value();
    }

    private static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private void error(YamlNode node, String path, String message) {
        error(node.line(), path, message);
    }

    private void error(int line, String path, String message) {
        errors.add(new WatchError(file, line, path, masked(message)));
    }

    /**
     * The message with every value read from the environment replaced by its {@code ${NAME}} reference: a secret
     * that reached another field (a password in a URL, a variable used in {@code mail.from}) is never printed.
     * Values shorter than three characters are left, as they would garble messages and hide nothing.
     */
    private String masked(String message) {
        String out = message;
        for (Map.Entry<String, String> e : substituted.entrySet()) {
            out = out.replace(e.getKey(), e.getValue());
        }
        return out;
    }

    /** {@code " (did you mean 'every'?)"} when a known key is within two edits, else empty. */
    static String suggest(String given, java.util.Collection<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            int d = distance(given.toLowerCase(Locale.ROOT), k);
            if (d < bestDistance) {
                best = k;
                bestDistance = d;
            }
        }
        int limit = given.length() <= 3 ? 1 : 2;
        return best != null && bestDistance <= limit ? " (did you mean '" + best + "'?)" : "";
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
