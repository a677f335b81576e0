package dev.vigie.jobs.mail.internal;

import com.github.mustachejava.Mustache;
import dev.vigie.jobs.spike.SpikeReport;
import dev.vigie.jobs.watch.AlertRuleSpec;
import dev.vigie.jobs.watch.Checks;
import dev.vigie.jobs.watch.Language;
import dev.vigie.jobs.watch.SpikeKind;
import java.io.StringWriter;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Renders a spike alert (subject, plain text, HTML) in the watch's language: the numbers (count against the usual
 * level, the window) and what caused the spike (top event stories with their outlets, authors, outlets, sample
 * mentions with links). Same rules as {@link DigestRenderer}: escaped values only, http(s) links only, every value
 * from a feed cleaned and capped.
 */
public final class SpikeRenderer {
    private static final Mustache HTML = MailTemplates.html("spike-alert.html.mustache");
    private static final Mustache TEXT = MailTemplates.text("spike-alert.txt.mustache");

    private SpikeRenderer() {}

    /** Renders one alert for the spikes {@code reports} of {@code rule} (one in practice: one alert per spike). */
    public static DigestRenderer.Rendered render(
            Language language,
            ZoneId zone,
            String watchId,
            String brand,
            AlertRuleSpec rule,
            List<SpikeReport> reports) {
        if (reports.isEmpty()) {
            throw new IllegalArgumentException("a spike alert carries at least one spike");
        }
        Words w = Words.of(language);
        Locale locale = language.locale();
        DateTimeFormatter day =
                DateTimeFormatter.ofPattern("EEE d MMM HH:mm", locale).withZone(zone);
        DateTimeFormatter hour = DateTimeFormatter.ofPattern("HH:mm z", locale).withZone(zone);
        DateTimeFormatter date =
                DateTimeFormatter.ofPattern("d MMM yyyy HH:mm z", locale).withZone(zone);
        List<Map<String, Object>> spikes = new ArrayList<>();
        for (SpikeReport r : reports) {
            Map<String, Object> s = new HashMap<>();
            s.put("heading", headline(language, brand, r));
            long hours =
                    Math.max(1, Duration.between(r.windowStart(), r.windowEnd()).toHours() + 1);
            String basis = r.baselineWeeks() > 0 ? String.format(locale, w.weeksBasis, r.baselineWeeks()) : w.rateBasis;
            String ratio = r.baseline() <= 0 ? w.noneUsually : String.format(locale, w.times, r.ratio());
            s.put(
                    "numbers",
                    String.format(
                            locale,
                            w.numbers,
                            r.count(),
                            kindWords(w, r.kind()),
                            day.format(r.windowStart()),
                            hour.format(r.windowEnd()),
                            hours,
                            number(locale, r.baseline()),
                            basis,
                            ratio));
            s.put(
                    "ruleLine",
                    String.format(
                            locale,
                            w.ruleLine,
                            Snippets.clean(rule.id()),
                            rule.spike() == null ? 0 : rule.spike().minMentions(),
                            number(locale, r.factor()),
                            day.format(r.start())));
            List<Map<String, Object>> stories = new ArrayList<>();
            for (SpikeReport.Story story : r.stories()) {
                Map<String, Object> m = link(story.url());
                m.put("n", stories.size() + 1);
                String title = Snippets.cap(story.title(), DigestRenderer.MAX_TITLE_LENGTH);
                m.put("title", title.isEmpty() ? w.untitled : title);
                m.put(
                        "mentions",
                        String.format(locale, story.mentions() == 1 ? w.mentionOne : w.mentionMany, story.mentions()));
                m.put("hasOutlets", !story.outlets().isEmpty());
                m.put(
                        "outlets",
                        w.outletsOfStory
                                + story.outlets().stream()
                                        .map(o -> Snippets.cap(o, DigestRenderer.MAX_SOURCE_LENGTH))
                                        .collect(Collectors.joining(", ")));
                stories.add(m);
            }
            s.put("hasStories", !stories.isEmpty());
            s.put("stories", stories);
            s.put("storiesLabel", w.stories);
            s.put("hasAuthors", !r.authors().isEmpty());
            s.put("authorsLabel", w.authors);
            s.put("authors", counts(r.authors()));
            s.put("hasOutletCounts", !r.outlets().isEmpty());
            s.put("outletsLabel", w.outlets);
            s.put("outletCounts", counts(r.outlets()));
            List<Map<String, Object>> samples = new ArrayList<>();
            for (SpikeReport.Sample sample : r.samples()) {
                Map<String, Object> m = link(sample.url());
                String title = Snippets.cap(sample.title(), DigestRenderer.MAX_TITLE_LENGTH);
                m.put("title", title.isEmpty() ? w.untitled : title);
                List<String> meta = new ArrayList<>();
                String source = Snippets.cap(sample.source(), DigestRenderer.MAX_SOURCE_LENGTH);
                meta.add(source.isEmpty() ? w.unknownSource : source);
                String author = Snippets.cap(sample.author(), DigestRenderer.MAX_SOURCE_LENGTH);
                if (!author.isEmpty()) {
                    meta.add(author);
                }
                meta.add(sample.publishedAt() == null ? w.unknownDate : date.format(sample.publishedAt()));
                String sentiment = w.sentiments.getOrDefault(sample.sentiment(), "");
                if (!sentiment.isEmpty()) {
                    meta.add(w.sentimentLabel + sentiment);
                }
                m.put("meta", String.join(" · ", meta));
                samples.add(m);
            }
            s.put("hasSamples", !samples.isEmpty());
            s.put("samples", samples);
            s.put("samplesLabel", w.samples);
            spikes.add(s);
        }
        Map<String, Object> scope = new HashMap<>();
        scope.put("lang", language.code());
        scope.put(
                "subject",
                "[Vigie] " + spikes.get(0).get("heading")
                        + (reports.size() > 1 ? " (+" + (reports.size() - 1) + ")" : ""));
        scope.put("spikes", spikes);
        scope.put("footer", String.format(locale, w.footer, Snippets.clean(watchId), Snippets.clean(rule.id())));
        return new DigestRenderer.Rendered((String) scope.get("subject"), run(TEXT, scope), run(HTML, scope));
    }

    /** One line for a person: "Spike in negative mentions of Acme: 14 in 3 h (usually 2.5)". */
    public static String headline(Language language, String brand, SpikeReport r) {
        Words w = Words.of(language);
        long hours =
                Math.max(1, Duration.between(r.windowStart(), r.windowEnd()).toHours() + 1);
        return String.format(
                language.locale(),
                r.kind() == SpikeKind.NEGATIVE ? w.headlineNegative : w.headline,
                Snippets.clean(brand),
                r.count(),
                hours,
                number(language.locale(), r.baseline()));
    }

    /**
     * What caused the spike in one paragraph of plain text (top stories with their outlets, authors, outlets): what
     * the ledger keeps as the alert's snippet, and what a channel that shows only a title and a snippet shows.
     */
    public static String summary(Language language, SpikeReport r) {
        Words w = Words.of(language);
        List<String> parts = new ArrayList<>();
        if (!r.stories().isEmpty()) {
            parts.add(w.stories + ": "
                    + r.stories().stream()
                            .map(s -> Snippets.cap(s.title(), 120) + " ("
                                    + String.format(
                                            language.locale(),
                                            s.mentions() == 1 ? w.mentionOne : w.mentionMany,
                                            s.mentions())
                                    + (s.outlets().isEmpty() ? "" : "; " + String.join(", ", s.outlets())) + ")")
                            .collect(Collectors.joining("; ")));
        }
        if (!r.authors().isEmpty()) {
            parts.add(w.authors + " " + counts(r.authors()));
        }
        if (!r.outlets().isEmpty()) {
            parts.add(w.outlets + " " + counts(r.outlets()));
        }
        return Snippets.clean(String.join(". ", parts));
    }

    private static Map<String, Object> link(String raw) {
        Map<String, Object> m = new LinkedHashMap<>();
        String url = Snippets.clean(raw);
        boolean linkable =
                url.length() <= DigestRenderer.MAX_LINK_LENGTH && Checks.httpUrl(url) != null && !url.contains(" ");
        m.put("hasLink", linkable);
        m.put("link", linkable ? url : "");
        return m;
    }

    private static String counts(List<SpikeReport.Count> counts) {
        return counts.stream()
                .map(c -> Snippets.cap(c.name(), DigestRenderer.MAX_SOURCE_LENGTH) + " (" + c.mentions() + ")")
                .collect(Collectors.joining(", "));
    }

    private static String number(Locale locale, double value) {
        return value == Math.rint(value)
                ? String.format(locale, "%d", (long) value)
                : String.format(locale, "%.1f", value);
    }

    private static String kindWords(Words w, SpikeKind kind) {
        return kind == SpikeKind.NEGATIVE ? w.negativeMentions : w.mentions;
    }

    private static String run(Mustache template, Map<String, Object> scope) {
        StringWriter out = new StringWriter();
        template.execute(out, scope);
        return out.toString();
    }

    /** The words of a spike alert in one language. */
    private record Words(
            String headline,
            String headlineNegative,
            String numbers,
            String mentions,
            String negativeMentions,
            String weeksBasis,
            String rateBasis,
            String times,
            String noneUsually,
            String ruleLine,
            String stories,
            String mentionOne,
            String mentionMany,
            String outletsOfStory,
            String authors,
            String outlets,
            String samples,
            String untitled,
            String unknownSource,
            String unknownDate,
            String sentimentLabel,
            Map<String, String> sentiments,
            String footer) {
        static Words of(Language language) {
            return switch (language) {
                case EN ->
                    new Words(
                            "Spike in mentions of %s: %d in %d h (usually %s)",
                            "Spike in negative mentions of %s: %d in %d h (usually %s)",
                            "%d %s from %s to %s (%d hours); usual level for these hours %s (%s): %s.",
                            "mentions",
                            "negative mentions",
                            "mean of the same weekday and hours over the last %d weeks",
                            "the watch's mean rate since it began collecting",
                            "%.1f times as many",
                            "none usually",
                            "Spike alert \"%s\": at least %d mentions and %s times the usual level. "
                                    + "Spike under way since %s.",
                            "Top event stories",
                            "%d mention",
                            "%d mentions",
                            "outlets: ",
                            "Top authors:",
                            "Outlets:",
                            "Sample mentions",
                            "(untitled)",
                            "unknown source",
                            "date unknown",
                            "sentiment: ",
                            Map.of("positive", "positive", "neutral", "neutral", "negative", "negative"),
                            "Sent by Vigie for the watch \"%s\" because you receive the alert \"%s\". One alert per "
                                    + "spike: it is not sent again while the spike lasts.");
                case FR ->
                    new Words(
                            "Pic de mentions de %s : %d en %d h (habituellement %s)",
                            "Pic de mentions négatives de %s : %d en %d h (habituellement %s)",
                            "%d %s du %s à %s (%d heures) ; niveau habituel pour ces heures %s (%s) : %s.",
                            "mentions",
                            "mentions négatives",
                            "moyenne des mêmes jour et heures sur les %d dernières semaines",
                            "rythme moyen de la veille depuis le début de sa collecte",
                            "%.1f fois plus",
                            "aucune d'habitude",
                            "Alerte de pic « %s » : au moins %d mentions et %s fois le niveau "
                                    + "habituel. Pic en cours depuis le %s.",
                            "Principales histoires",
                            "%d mention",
                            "%d mentions",
                            "médias : ",
                            "Principaux auteurs :",
                            "Médias :",
                            "Exemples de mentions",
                            "(sans titre)",
                            "source inconnue",
                            "date inconnue",
                            "tonalité : ",
                            Map.of("positive", "positive", "neutral", "neutre", "negative", "négative"),
                            "Envoyé par Vigie pour la veille « %s » parce que vous recevez l'alerte « %s ». Une alerte "
                                    + "par pic : elle n'est pas renvoyée tant que le pic dure.");
            };
        }
    }
}
