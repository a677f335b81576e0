package dev.vigie.jobs.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WatchLoaderTest {
    private static final Map<String, String> ENV = Map.of(
            "ES_URL", "https://es.acme.example:9243",
            "ES_API_KEY", "s3cr3t-api-key",
            "SMTP_PASSWORD", "p4ssw0rd-smtp");
    private static final String MINIMAL = "watch: acme\nbrand: { name: Acme }\n";

    private final WatchLoader loader = new WatchLoader(ENV);

    private List<String> errors(String yaml) {
        InvalidWatchException e = catchThrowableOfType(InvalidWatchException.class, () -> loader.parse("w.yaml", yaml));
        assertThat(e).as("expected the watch to be refused").isNotNull();
        return e.errors().stream().map(WatchError::toString).toList();
    }

    @Test
    void loadsTheDocumentedExampleWithEveryKey() throws Exception {
        Watch w = loader.load(Path.of("..", "deploy", "watches", "example.yaml"));

        assertThat(w.id()).isEqualTo("acme");
        assertThat(w.language()).isEqualTo(Language.FR);
        assertThat(w.languages()).containsExactly("pl");
        assertThat(w.detectedLanguages()).containsExactly("en", "fr", "pl");
        assertThat(w.timezone()).isEqualTo(ZoneId.of("Europe/Paris"));
        assertThat(w.brand().names()).containsExactly("Acme", "Acme Corp", "@acme", "acme.com");
        assertThat(w.competitors()).extracting(Competitor::name).containsExactly("Globex", "Initech");
        PageWatch pricing = w.competitors().get(0).pages().get(0);
        assertThat(pricing.url()).isEqualTo(URI.create("https://globex.example/pricing"));
        assertThat(pricing.select()).isEqualTo("main .pricing");
        assertThat(pricing.ignore()).isEqualTo(".timestamp, footer");
        assertThat(pricing.noise()).containsExactly("Offer ends in \\d+ days", "build [0-9a-f]{7,}");
        PageWatch jobs = w.competitors().get(1).pages().get(0);
        assertThat(jobs.hasSelect()).as("watched whole: its main content").isFalse();
        assertThat(jobs.hasIgnore()).isFalse();
        assertThat(jobs.noise()).isEmpty();
        assertThat(w.sources().feeds()).containsExactly(URI.create("https://news.example/rss"));
        assertThat(w.sources().mastodon().get(0).hashtags()).containsExactly("acme");
        assertThat(w.sources().reddit().get(0).subreddits()).containsExactly("marketing");
        assertThat(w.sources().bluesky()).extracting(BlueskySource::query).containsExactly("acme");
        assertThat(w.sources().hackernews()).extracting(HackerNewsSource::query).containsExactly("acme");
        AlertRuleSpec crisis = w.alerts().get(0);
        assertThat(crisis.id()).isEqualTo("crisis");
        assertThat(crisis.query()).contains("\"fuite de données\"~2");
        assertThat(crisis.languages()).containsExactly("fr", "en");
        assertThat(crisis.sentiment()).isEqualTo(SentimentFilter.NEGATIVE);
        assertThat(crisis.to()).containsExactly("cm@acme.example");
        assertThat(crisis.every()).isEqualTo(Frequency.RUN);
        assertThat(w.alert("competitor-pricing"))
                .get()
                .extracting(AlertRuleSpec::every)
                .isEqualTo(Frequency.DAY);
        assertThat(w.themes()).extracting(ThemeSpec::label).containsExactly("Produit", "Service client");
        assertThat(w.report())
                .get()
                .isEqualTo(new ReportSpec(List.of("direction@acme.example"), DayOfWeek.MONDAY, Language.FR));
        assertThat(w.elasticsearch().url()).isEqualTo(URI.create("https://es.acme.example:9243"));
        assertThat(w.elasticsearch().apiKey().reveal()).isEqualTo("s3cr3t-api-key");
        assertThat(w.mail().smtpServer()).contains(URI.create("smtp://localhost:2525"));
        assertThat(w.mail().password().reveal()).isEqualTo("p4ssw0rd-smtp");
        assertThat(w.kibana()).contains(URI.create("http://localhost:5601"));
    }

    @Test
    void secretsNeverAppearInToString() throws Exception {
        Watch w = loader.load(Path.of("..", "deploy", "watches", "example.yaml"));
        assertThat(w.toString())
                .doesNotContain("s3cr3t-api-key")
                .doesNotContain("p4ssw0rd-smtp")
                .contains("****");
        assertThat(w.elasticsearch().toString()).doesNotContain("s3cr3t");
        assertThat(w.mail().toString()).doesNotContain("p4ssw0rd");
    }

    @Test
    void appliesDefaultsToAMinimalWatch() throws Exception {
        Watch w = loader.parse("w.yaml", MINIMAL);
        assertThat(w.language()).isEqualTo(Language.EN);
        assertThat(w.timezone()).isEqualTo(ZoneId.of("UTC"));
        assertThat(w.elasticsearch().url()).isEqualTo(URI.create("http://localhost:9200"));
        assertThat(w.elasticsearch().apiKey().isPresent()).isFalse();
        assertThat(w.mail().smtpServer()).isEmpty();
        assertThat(w.mail().outboxPath()).isEqualTo(Path.of("outbox"));
        assertThat(w.report()).isEmpty();
        assertThat(w.alerts()).isEmpty();
        assertThat(w.sources()).isEqualTo(Sources.NONE);
    }

    @Test
    void reportLanguageDefaultsToTheWatchLanguage() throws Exception {
        Watch w = loader.parse("w.yaml", MINIMAL + "language: fr\nreport: { weekly: { to: [a@b.example] } }\n");
        assertThat(w.report()).get().extracting(ReportSpec::language).isEqualTo(Language.FR);
        assertThat(w.report()).get().extracting(ReportSpec::day).isEqualTo(DayOfWeek.MONDAY);
    }

    @Test
    void refusesUnknownKeyWithLineAndSuggestion() {
        assertThat(errors(MINIMAL + "alerts:\n  - id: crisis\n    query: acme\n    evry: day\n"))
                .containsExactly("w.yaml:6: alerts[0].evry: unknown key (did you mean 'every'?); "
                        + "expected one of id, query, languages, sentiment, to, every, webhooks, spike");
        assertThat(errors(MINIMAL + "sauces: {}\n"))
                .singleElement()
                .asString()
                .startsWith("w.yaml:3: sauces: unknown key (did you mean 'sources'?)");
        assertThat(errors(MINIMAL + "frobnicate: 1\n"))
                .singleElement()
                .asString()
                .isEqualTo(
                        "w.yaml:3: frobnicate: unknown key; expected one of watch, language, languages, timezone, "
                                + "brand, competitors, sources, alerts, themes, report, elasticsearch, mail, kibana, schedule, sentiment");
    }

    @Test
    void refusesWrongTypes() {
        assertThat(errors(MINIMAL + "alerts: { id: crisis }\n"))
                .containsExactly("w.yaml:3: alerts: expected a list (items starting with '- '), got a mapping");
        assertThat(errors("watch: acme\nbrand: { name: Acme, aliases: { a: b } }\n"))
                .containsExactly("w.yaml:2: brand.aliases: expected a list of strings, got a mapping");
        assertThat(errors(MINIMAL + "sources:\n  feeds:\n    - { url: x }\n"))
                .containsExactly("w.yaml:5: sources.feeds[0]: expected a string, got a mapping");
        assertThat(errors(MINIMAL + "elasticsearch: http://x\n"))
                .containsExactly("w.yaml:3: elasticsearch: expected a mapping { url, api_key }, got a string");
        assertThat(errors("- a\n- b\n"))
                .singleElement()
                .asString()
                .startsWith("w.yaml:1: expected a watch (watch:, brand:, sources:, ...), got a list");
    }

    @Test
    void refusesBadIds() {
        assertThat(errors("watch: Acme Corp\nbrand: { name: Acme }\n"))
                .containsExactly(
                        "w.yaml:1: watch: expected an id of lower-case letters, digits and '-' ([a-z0-9-]+), got 'Acme Corp'");
        assertThat(errors(MINIMAL + "alerts:\n  - { id: Crisis_1, query: acme }\n"))
                .containsExactly(
                        "w.yaml:4: alerts[0].id: expected an id of lower-case letters, digits and '-' ([a-z0-9-]+), got 'Crisis_1'");
        assertThat(errors(MINIMAL + "themes:\n  - { id: 'a b', keywords: [x] }\n"))
                .singleElement()
                .asString()
                .startsWith("w.yaml:4: themes[0].id: expected an id");
    }

    @Test
    void refusesMissingRequiredFields() {
        assertThat(errors("brand: { name: Acme }\n")).containsExactly("w.yaml:1: watch: missing; a value is required");
        assertThat(errors("watch: acme\n"))
                .singleElement()
                .asString()
                .startsWith("w.yaml:1: brand: missing; expected the brand");
        assertThat(errors(MINIMAL + "alerts:\n  - { id: crisis }\n"))
                .containsExactly("w.yaml:4: alerts[0].query: missing; a value is required");
    }

    @Test
    void refusesDuplicateAlertAndThemeIds() {
        assertThat(errors(MINIMAL + "alerts:\n  - { id: crisis, query: a }\n  - { id: crisis, query: b }\n"))
                .containsExactly(
                        "w.yaml:5: alerts[1].id: duplicate alert id 'crisis' (already used by alerts[0], line 4)");
        assertThat(errors(
                        MINIMAL + "themes:\n  - { id: product, keywords: [a] }\n  - { id: product, keywords: [b] }\n"))
                .containsExactly(
                        "w.yaml:5: themes[1].id: duplicate theme id 'product' (already used by themes[0], line 4)");
    }

    @Test
    void refusesMalformedOrNonHttpUrls() {
        assertThat(errors(MINIMAL + "sources:\n  feeds: [\"ftp://news.example/rss\", \"not a url\"]\n"))
                .containsExactly(
                        "w.yaml:4: sources.feeds[0]: expected an absolute http(s) URL like https://example.com/feed, got 'ftp://news.example/rss'",
                        "w.yaml:4: sources.feeds[1]: expected an absolute http(s) URL like https://example.com/feed, got 'not a url'");
        assertThat(errors(MINIMAL
                        + "competitors:\n  - name: Globex\n    pages:\n      - { url: \"javascript:alert(1)\" }\n"))
                .containsExactly("w.yaml:6: competitors[0].pages[0].url: expected an absolute http(s) URL like "
                        + "https://example.com/feed, got 'javascript:alert(1)'");
        assertThat(errors(MINIMAL + "sources:\n  mastodon: [{ instance: mastodon.social, hashtags: [acme] }]\n"))
                .singleElement()
                .asString()
                .startsWith("w.yaml:4: sources.mastodon[0].instance: expected an absolute http(s) URL");
        assertThat(errors(MINIMAL + "elasticsearch: { url: \"localhost:9200\" }\n"))
                .singleElement()
                .asString()
                .startsWith("w.yaml:3: elasticsearch.url: expected an absolute http(s) URL");
        assertThat(errors(MINIMAL + "mail: { smtp: \"http://mail.example\", from: a@b.example }\n"))
                .singleElement()
                .asString()
                .startsWith("w.yaml:3: mail.smtp: expected smtp://host:port");
    }

    @Test
    void refusesBadPageSelectorsAndNoisePatternsAtTheirOwnLine() {
        List<String> errors = errors(MINIMAL + """
                competitors:
                  - name: Globex
                    pages:
                      - url: "https://globex.example/pricing"
                        select: "main >>> .pricing"
                        ignore: "div["
                        noise:
                          - 'Visitors: \\d+'
                          - '(unclosed'
                          - '[0-9]*'
                """);
        assertThat(errors).hasSize(4);
        assertThat(errors.get(0))
                .startsWith(
                        "w.yaml:7: competitors[0].pages[0].select: expected a CSS selector like "
                                + "\"main .pricing\" or \".date, footer\": invalid CSS selector for select: 'main >>> .pricing'");
        assertThat(errors.get(1))
                .startsWith("w.yaml:8: competitors[0].pages[0].ignore: expected a CSS selector")
                .contains("'div['");
        assertThat(errors.get(2))
                .isEqualTo("w.yaml:11: competitors[0].pages[0].noise[1]: expected a regular "
                        + "expression (Java syntax, in 'single quotes' so that \\d stays as written): invalid noise pattern "
                        + "'(unclosed': Unclosed group at index 9");
        assertThat(errors.get(3))
                .startsWith("w.yaml:12: competitors[0].pages[0].noise[2]: ")
                .contains("'[0-9]*' matches the empty string");
    }

    @Test
    void readsPageNoiseAsAListOrASinglePattern() throws Exception {
        Watch w = loader.parse("w.yaml", MINIMAL + """
                competitors:
                  - name: Globex
                    pages:
                      - { url: "https://globex.example/a", noise: 'Visitors: \\d+' }
                      - { url: "https://globex.example/b", select: "#offers", noise: ['csrf=\\w+', 'v\\d+\\.\\d+'] }
                      - "https://globex.example/c"
                """);
        List<PageWatch> pages = w.competitors().get(0).pages();
        assertThat(pages.get(0).noise()).containsExactly("Visitors: \\d+");
        assertThat(pages.get(1).noise()).containsExactly("csrf=\\w+", "v\\d+\\.\\d+");
        assertThat(pages.get(1).select()).isEqualTo("#offers");
        assertThat(pages.get(2).noise()).isEmpty();
        assertThat(
                        errors(
                                MINIMAL
                                        + "competitors:\n  - name: G\n    pages:\n      - { url: \"https://g.example\", noyse: [x] }\n"))
                .containsExactly("w.yaml:6: competitors[0].pages[0].noyse: unknown key (did you mean 'noise'?); "
                        + "expected one of url, select, ignore, noise");
    }

    @Test
    void refusesEmptyAlertQuery() {
        assertThat(errors(MINIMAL + "alerts:\n  - { id: crisis, query: \"  \" }\n"))
                .containsExactly("w.yaml:4: alerts[0].query: expected a Lucene query, got an empty one");
        assertThat(errors(MINIMAL + "alerts:\n  - id: crisis\n    query:\n"))
                .containsExactly("w.yaml:5: alerts[0].query: expected a Lucene query, got an empty one");
    }

    @Test
    void refusesMalformedAlertQueries() {
        List<String> errors = errors(MINIMAL + "alerts:\n  - { id: crisis, query: 'acme AND (outage OR \"panne' }\n");
        assertThat(errors)
                .singleElement()
                .asString()
                .startsWith("w.yaml:4: alerts[0].query: expected a valid alert query (Lucene syntax): column ");
    }

    @Test
    void refusesUnknownEveryAndSentiment() {
        assertThat(errors(MINIMAL + "alerts:\n  - { id: crisis, query: acme, every: hourly }\n"))
                .containsExactly("w.yaml:4: alerts[0].every: expected one of run, day, week, got 'hourly'");
        assertThat(errors(MINIMAL + "alerts:\n  - { id: crisis, query: acme, every: weak }\n"))
                .containsExactly(
                        "w.yaml:4: alerts[0].every: expected one of run, day, week, got 'weak' (did you mean 'week'?)");
        assertThat(errors(MINIMAL + "alerts:\n  - { id: crisis, query: acme, sentiment: angry }\n"))
                .containsExactly(
                        "w.yaml:4: alerts[0].sentiment: expected one of positive, neutral, negative, got 'angry'");
        assertThat(errors(MINIMAL + "alerts:\n  - { id: crisis, query: acme, languages: [french] }\n"))
                .containsExactly(
                        "w.yaml:4: alerts[0].languages[0]: expected a two-letter language code like fr or en, got 'french'");
    }

    @Test
    void refusesLanguagesThatDetectionCannotReport() {
        assertThat(errors(MINIMAL + "languages: [pl, xx]\n"))
                .singleElement()
                .asString()
                .startsWith("w.yaml:3: languages[1]: expected a language Vigie detects, one of af, an, ar, be, ")
                .endsWith(", got 'xx'");
        assertThat(errors(MINIMAL + "alerts:\n  - { id: crisis, query: acme, languages: [zz] }\n"))
                .singleElement()
                .asString()
                .startsWith("w.yaml:4: alerts[0].languages[0]: expected a language Vigie detects, one of ");
        assertThat(errors(MINIMAL + "languages: polish\n"))
                .containsExactly(
                        "w.yaml:3: languages[0]: expected a two-letter language code like fr or en, got 'polish'");
    }

    @Test
    void refusesBadEmails() {
        assertThat(errors(MINIMAL
                        + "alerts:\n  - id: crisis\n    query: acme\n    to: [\"cm@acme.example\", \"cm at acme\"]\n"))
                .containsExactly(
                        "w.yaml:6: alerts[0].to[1]: expected an email address like name@example.com or a webhook (slack:${SLACK_HOOK}, teams:${TEAMS_HOOK}, webhook:https://...), got 'cm at acme'");
        assertThat(errors(MINIMAL + "mail: { from: \"Vigie <v@x.example>\" }\n"))
                .containsExactly(
                        "w.yaml:3: mail.from: expected an email address like name@example.com, got 'Vigie <v@x.example>'");
        assertThat(errors(MINIMAL + "mail: { smtp: \"smtp://localhost:25\" }\n"))
                .containsExactly("w.yaml:3: mail.from: missing; a value is required");
    }

    @Test
    void refusesUnknownReportDayAndLanguage() {
        assertThat(errors(MINIMAL + "report:\n  weekly: { to: [a@b.example], day: lundi, language: de }\n"))
                .containsExactly(
                        "w.yaml:4: report.weekly.day: expected one of monday, tuesday, wednesday, thursday, friday, "
                                + "saturday, sunday, got 'lundi'",
                        "w.yaml:4: report.weekly.language: expected one of fr, en, got 'de'");
        assertThat(errors(MINIMAL + "language: english\n"))
                .containsExactly("w.yaml:3: language: expected one of fr, en, got 'english'");
        assertThat(errors(MINIMAL + "report:\n  weekly: { day: monday }\n"))
                .singleElement()
                .asString()
                .startsWith("w.yaml:4: report.weekly.to: missing");
        assertThat(errors(MINIMAL + "timezone: Mars/Olympus\n"))
                .containsExactly(
                        "w.yaml:3: timezone: expected a time zone like Europe/Paris or UTC, got 'Mars/Olympus'");
    }

    @Test
    void replacesEnvironmentVariablesAndRefusesMissingOnes() throws Exception {
        Watch w = loader.parse("w.yaml", MINIMAL + "elasticsearch: { url: \"${ES_URL}/\" }\n");
        assertThat(w.elasticsearch().url()).isEqualTo(URI.create("https://es.acme.example:9243/"));
        assertThat(errors(MINIMAL + "elasticsearch: { url: \"${NOPE_URL}\", api_key: \"${NOPE_KEY}\" }\n"))
                .containsExactly(
                        "w.yaml:3: elasticsearch.url: environment variable NOPE_URL is not set",
                        "w.yaml:3: elasticsearch.api_key: environment variable NOPE_KEY is not set");
    }

    @Test
    void usesDefaultsOfVariablesThatAreNotSet() throws Exception {
        Watch w = new WatchLoader(Map.of())
                .parse(
                        "w.yaml",
                        MINIMAL
                                + "elasticsearch: { url: \"${NOPE_URL:-http://es.local:9200}\", api_key: \"${NOPE_KEY:-}\" }\n");
        assertThat(w.elasticsearch().url()).isEqualTo(URI.create("http://es.local:9200"));
        assertThat(w.elasticsearch().apiKey().isPresent()).isFalse();
        assertThat(loader.parse("w.yaml", MINIMAL + "elasticsearch: { api_key: \"${ES_API_KEY:-}\" }\n")
                        .elasticsearch()
                        .apiKey()
                        .reveal())
                .isEqualTo("s3cr3t-api-key");
    }

    @Test
    void theExampleValidatesWithAnEmptyEnvironment() throws Exception {
        Watch w = new WatchLoader(Map.of()).load(Path.of("..", "deploy", "watches", "example.yaml"));
        assertThat(w.elasticsearch()).isEqualTo(ElasticsearchSettings.DEFAULT);
        assertThat(w.mail().password().isPresent()).isFalse();
    }

    @Test
    void refusesSecretDefaultsAndMalformedReferences() {
        List<String> errors = errors(
                MINIMAL + "elasticsearch: { api_key: \"${K:-literal-key-123}\" }\n" + "kibana: { url: \"${1BAD}\" }\n");
        assertThat(errors)
                .containsExactly(
                        "w.yaml:3: elasticsearch.api_key: a secret cannot have a default written in the file; use ${K:-} or "
                                + "${K} (the value written in the file is not shown)",
                        "w.yaml:4: kibana.url: '${1BAD}' is not a valid ${NAME} or ${NAME:-default} reference");
        assertThat(String.join("\n", errors)).doesNotContain("literal-key-123");
    }

    @Test
    void refusesSecretsWrittenInTheFileWithoutShowingThem() {
        List<String> errors = errors(MINIMAL + "elasticsearch: { api_key: \"literal-key-123\" }\n"
                + "mail: { smtp: \"smtp://localhost:25\", from: a@b.example, password: hunter2 }\n");
        assertThat(errors)
                .containsExactly(
                        "w.yaml:3: elasticsearch.api_key: a secret must come from the environment, e.g. api_key: \"${API_KEY}\" "
                                + "(the value written in the file is not shown)",
                        "w.yaml:4: mail.password: a secret must come from the environment, e.g. password: \"${PASSWORD}\" "
                                + "(the value written in the file is not shown)");
        assertThat(String.join("\n", errors)).doesNotContain("literal-key-123").doesNotContain("hunter2");
    }

    @Test
    void secretsNeverAppearInErrorsOfOtherFields() {
        InvalidWatchException e = catchThrowableOfType(
                InvalidWatchException.class,
                () -> loader.parse(
                        "w.yaml",
                        MINIMAL
                                + "elasticsearch: { url: \"${ES_API_KEY}\" }\nmail: { smtp: \"smtp://user:${SMTP_PASSWORD}@h:25\", from: a@b.example }\n"));
        assertThat(e.getMessage()).doesNotContain("p4ssw0rd-smtp");
        assertThat(e.errors()).extracting(WatchError::path).containsExactly("elasticsearch.url", "mail.smtp");
        assertThat(e.errors().get(1).message()).startsWith("must not carry credentials");
    }

    @Test
    void collectsEveryErrorOfTheFile() {
        InvalidWatchException e =
                catchThrowableOfType(InvalidWatchException.class, () -> loader.parse("acme.yaml", """
                watch: ACME
                brand: { name: Acme }
                sources:
                  feeds: ["ftp://x.example/rss"]
                alerts:
                  - { id: crisis, query: acme, every: hourly, to: [nobody] }
                  - { id: crisis, query: "" }
                """));
        assertThat(e.errors())
                .extracting(WatchError::path)
                .containsExactly("watch", "sources.feeds[0]", "alerts[0].to[0]", "alerts[0].every", "alerts[1].query");
        assertThat(e.getMessage()).startsWith("acme.yaml is not a valid watch (5 errors):\n  acme.yaml:1: watch: ");
    }

    @Test
    void refusesInvalidYamlDuplicateKeysAndMissingFiles(@TempDir Path dir) throws Exception {
        assertThat(errors("watch: acme\nbrand: [unclosed\n"))
                .singleElement()
                .asString()
                .isEqualTo(
                        "w.yaml:2: not valid YAML: while parsing a flow sequence: expected ',' or ']', but got <stream end>");
        assertThat(errors(MINIMAL + "watch: other\n"))
                .containsExactly("w.yaml:3: watch: duplicate key (first written on line 1)");
        assertThat(errors("")).singleElement().asString().startsWith("w.yaml: the file is empty");
        Path missing = dir.resolve("missing.yaml");
        assertThatThrownBy(() -> loader.load(missing))
                .isInstanceOf(InvalidWatchException.class)
                .hasMessageContaining(missing + ": no such file");
        Path latin1 = dir.resolve("latin1.yaml");
        Files.write(
                latin1,
                "watch: acme\nbrand: { name: \"Caf\u00e9\" }\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> loader.load(latin1)).hasMessageContaining("is not UTF-8 text");
    }
}
