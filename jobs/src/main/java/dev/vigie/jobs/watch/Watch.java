package dev.vigie.jobs.watch;

import java.io.Serializable;
import java.net.URI;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One watch: a brand (or client) followed by Vigie, as read from its YAML file by {@link WatchLoader}. Every
 * document indexed for it carries its {@link #id()}, which keeps an agency's clients apart.
 *
 * <p>Records are {@link Serializable} so that Flink functions can carry the parts they need.
 *
 * @param id            {@code [a-z0-9-]+}
 * @param language      language of the emails and, unless the report says otherwise, of the weekly report
 * @param languages     ISO 639-1 codes of the languages the watch follows, detected beside the defaults of
 *                      language detection (see {@link #detectedLanguages()}); often empty
 * @param timezone      time zone of daily and weekly digests and of the report's week
 * @param brand         the watched brand
 * @param competitors   competitors, names unique
 * @param sources       where mentions are looked for
 * @param alerts        keyword alerts, ids unique
 * @param themes        curation themes, ids unique
 * @param weeklyReport  the weekly report, {@code null} when none (see {@link #report()})
 * @param elasticsearch where documents and state live
 * @param mail          how emails leave
 * @param kibanaUrl     Kibana's address, shown to users after a run; {@code null} when not configured
 * @param schedule      when {@code vigie serve} runs it; {@code null} when it is only run by {@code vigie run}
 * @param sentimentModels sentiment model files written by {@code vigie train}, by ISO 639-1 language: each replaces
 *                      the built-in scorer of its language for this watch (watch file {@code sentiment: models:})
 */
public record Watch(
        String id,
        Language language,
        List<String> languages,
        ZoneId timezone,
        Brand brand,
        List<Competitor> competitors,
        Sources sources,
        List<AlertRuleSpec> alerts,
        List<ThemeSpec> themes,
        ReportSpec weeklyReport,
        ElasticsearchSettings elasticsearch,
        MailSettings mail,
        URI kibanaUrl,
        Schedule schedule,
        Map<String, String> sentimentModels)
        implements Serializable {
    public static final Language DEFAULT_LANGUAGE = Language.EN;
    public static final ZoneId DEFAULT_TIMEZONE = ZoneId.of("UTC");

    public Watch {
        Checks.requireId("watch id", id);
        Objects.requireNonNull(language, "language");
        languages = List.copyOf(languages);
        for (String lang : languages) {
            if (!Checks.LANGUAGE_CODE.matcher(lang).matches()) {
                throw new IllegalArgumentException("watch language '" + lang + "' is not a two-letter code");
            }
        }
        Objects.requireNonNull(timezone, "timezone");
        Objects.requireNonNull(brand, "brand");
        competitors = List.copyOf(competitors);
        Objects.requireNonNull(sources, "sources");
        alerts = List.copyOf(alerts);
        themes = List.copyOf(themes);
        Objects.requireNonNull(elasticsearch, "elasticsearch");
        Objects.requireNonNull(mail, "mail");
        if (kibanaUrl != null) {
            Checks.requireHttp("kibana url", kibanaUrl);
        }
        sentimentModels = Map.copyOf(new TreeMap<>(sentimentModels));
        sentimentModels.forEach((lang, file) -> {
            if (!Checks.LANGUAGE_CODE.matcher(lang).matches()) {
                throw new IllegalArgumentException("sentiment model language '" + lang + "' is not a two-letter code");
            }
            if (file.isBlank()) {
                throw new IllegalArgumentException("sentiment model file for '" + lang + "' is blank");
            }
        });
        requireUnique(
                "competitor name", competitors.stream().map(Competitor::name).toList());
        requireUnique("alert id", alerts.stream().map(AlertRuleSpec::id).toList());
        requireUnique("theme id", themes.stream().map(ThemeSpec::id).toList());
    }

    private static void requireUnique(String what, List<String> values) {
        Set<String> seen = new HashSet<>();
        for (String v : values) {
            if (!seen.add(v)) {
                throw new IllegalArgumentException("duplicate " + what + " '" + v + "'");
            }
        }
    }

    /**
     * The languages a mention of this watch may be detected in beside the detector's defaults: those the watch lists
     * ({@code languages}) and those its alerts filter on, sorted.
     */
    public List<String> detectedLanguages() {
        Set<String> out = new TreeSet<>(languages);
        alerts.forEach(a -> out.addAll(a.languages()));
        return List.copyOf(out);
    }

    public Optional<ReportSpec> report() {
        return Optional.ofNullable(weeklyReport);
    }

    public Optional<URI> kibana() {
        return Optional.ofNullable(kibanaUrl);
    }

    /** When {@code vigie serve} runs this watch; empty when it is only run by {@code vigie run}. */
    public Optional<Schedule> scheduled() {
        return Optional.ofNullable(schedule);
    }

    public Optional<AlertRuleSpec> alert(String ruleId) {
        return alerts.stream().filter(a -> a.id().equals(ruleId)).findFirst();
    }

    public static Builder builder(String id, Brand brand) {
        return new Builder(id, brand);
    }

    /** Builds a watch in code (tests, the demo); {@link #build()} applies the same rules as the loader. */
    public static final class Builder {
        private final String id;
        private final Brand brand;
        private Language language = DEFAULT_LANGUAGE;
        private final List<String> languages = new ArrayList<>();
        private ZoneId timezone = DEFAULT_TIMEZONE;
        private final List<Competitor> competitors = new ArrayList<>();
        private Sources sources = Sources.NONE;
        private final List<AlertRuleSpec> alerts = new ArrayList<>();
        private final List<ThemeSpec> themes = new ArrayList<>();
        private ReportSpec weeklyReport;
        private ElasticsearchSettings elasticsearch = ElasticsearchSettings.DEFAULT;
        private MailSettings mail = MailSettings.DEFAULT;
        private URI kibanaUrl;
        private Schedule schedule;
        private final Map<String, String> sentimentModels = new LinkedHashMap<>();

        private Builder(String id, Brand brand) {
            this.id = id;
            this.brand = brand;
        }

        public Builder language(Language language) {
            this.language = language;
            return this;
        }

        /** Adds languages the watch follows (ISO 639-1 codes). */
        public Builder languages(List<String> codes) {
            languages.addAll(codes);
            return this;
        }

        public Builder timezone(ZoneId timezone) {
            this.timezone = timezone;
            return this;
        }

        public Builder competitor(Competitor competitor) {
            competitors.add(competitor);
            return this;
        }

        public Builder sources(Sources sources) {
            this.sources = sources;
            return this;
        }

        public Builder alert(AlertRuleSpec alert) {
            alerts.add(alert);
            return this;
        }

        public Builder theme(ThemeSpec theme) {
            themes.add(theme);
            return this;
        }

        public Builder weeklyReport(ReportSpec weeklyReport) {
            this.weeklyReport = weeklyReport;
            return this;
        }

        public Builder elasticsearch(ElasticsearchSettings elasticsearch) {
            this.elasticsearch = elasticsearch;
            return this;
        }

        public Builder mail(MailSettings mail) {
            this.mail = mail;
            return this;
        }

        public Builder schedule(Schedule schedule) {
            this.schedule = schedule;
            return this;
        }

        public Builder kibana(URI kibanaUrl) {
            this.kibanaUrl = kibanaUrl;
            return this;
        }

        /** Uses a model file written by {@code vigie train} for the sentiment of posts in {@code language}. */
        public Builder sentimentModel(String language, String file) {
            sentimentModels.put(language, file);
            return this;
        }

        /** @throws IllegalArgumentException naming the first rule broken */
        public Watch build() {
            return new Watch(
                    id,
                    language,
                    languages,
                    timezone,
                    brand,
                    competitors,
                    sources,
                    alerts,
                    themes,
                    weeklyReport,
                    elasticsearch,
                    mail,
                    kibanaUrl,
                    schedule,
                    sentimentModels);
        }
    }
}
