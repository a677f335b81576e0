package dev.vigie.jobs.mail.internal;

import com.github.mustachejava.Mustache;
import dev.vigie.jobs.watch.AlertRuleSpec;
import dev.vigie.jobs.watch.Checks;
import dev.vigie.jobs.watch.Language;
import java.io.StringWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders an alert digest (subject, plain text, HTML) in the watch's language from Mustache templates. The HTML
 * template only uses escaped {@code {{...}}} tags, the link of a hit is rendered only when it is an absolute http(s)
 * URL, and every value from a feed is cleaned of control characters first: a title cannot inject markup, a
 * {@code javascript:} link, or a line into the plain text. Titles, sources, snippets and links are capped
 * ({@link #MAX_TITLE_LENGTH} and the others), so that the size of a digest depends on its number of hits only.
 */
public final class DigestRenderer {
    /** Hits shown in one digest; the others are counted in a closing line (they are still marked as sent). */
    public static final int MAX_HITS_SHOWN = 100;
    /** Longest title shown, in characters; a longer one is cut at a word with {@code …}. */
    public static final int MAX_TITLE_LENGTH = 200;
    /** Longest source name shown. */
    public static final int MAX_SOURCE_LENGTH = 80;
    /** Longest alert query shown under the heading. */
    public static final int MAX_QUERY_LENGTH = 500;
    /** Longest link rendered; a longer URL is not linked (no real article URL is that long). */
    public static final int MAX_LINK_LENGTH = 2048;

    private static final Mustache HTML = MailTemplates.html("alert-digest.html.mustache");
    private static final Mustache TEXT = MailTemplates.text("alert-digest.txt.mustache");

    private DigestRenderer() {}

    /** A rendered digest. */
    public record Rendered(String subject, String text, String html) {}

    public static Rendered render(
            Language language, ZoneId zone, String watchId, String brand, AlertRuleSpec rule, List<DigestItem> items) {
        if (rule.isSpike() && !items.isEmpty() && items.stream().allMatch(i -> i.spike() != null)) {
            return SpikeRenderer.render(
                    language,
                    zone,
                    watchId,
                    brand,
                    rule,
                    items.stream().map(DigestItem::spike).toList());
        }
        Words w = Words.of(language);
        DateTimeFormatter dates =
                DateTimeFormatter.ofPattern(w.datePattern, language.locale()).withZone(zone);
        List<DigestItem> sorted = new ArrayList<>(items);
        sorted.sort(Comparator.comparing((DigestItem i) -> i.publishedAt() == null ? i.matchedAt() : i.publishedAt())
                .reversed()
                .thenComparing(DigestItem::mentionId));

        String heading = String.format(
                language.locale(),
                w.heading,
                Snippets.clean(rule.id()),
                Snippets.clean(brand),
                items.size(),
                items.size() == 1 ? w.mentionOne : w.mentionMany);
        Map<String, Object> scope = new HashMap<>();
        scope.put("lang", language.code());
        scope.put("subject", "[Vigie] " + heading);
        scope.put("heading", heading);
        scope.put(
                "period",
                switch (rule.every()) {
                    case RUN -> "";
                    case DAY -> w.daily + " · ";
                    case WEEK -> w.weekly + " · ";
                });
        scope.put("queryLabel", w.query);
        scope.put("query", Snippets.cap(rule.query(), MAX_QUERY_LENGTH));

        List<Map<String, Object>> hits = new ArrayList<>();
        for (DigestItem item : sorted.subList(0, Math.min(sorted.size(), MAX_HITS_SHOWN))) {
            Map<String, Object> hit = new LinkedHashMap<>();
            hit.put("n", hits.size() + 1);
            String title = Snippets.cap(item.title(), MAX_TITLE_LENGTH);
            hit.put("title", title.isEmpty() ? w.untitled : title);
            String source = Snippets.cap(item.source(), MAX_SOURCE_LENGTH);
            hit.put("source", source.isEmpty() ? w.unknownSource : source);
            hit.put("date", item.publishedAt() == null ? w.unknownDate : dates.format(item.publishedAt()));
            String sentiment = w.sentiments.getOrDefault(item.sentiment(), "");
            hit.put("hasSentiment", !sentiment.isEmpty());
            hit.put("sentiment", w.sentimentLabel + sentiment);
            int others = item.storySources() - 1;
            hit.put("hasAlsoIn", others > 0);
            hit.put("alsoIn", String.format(language.locale(), others == 1 ? w.alsoInOne : w.alsoInMany, others));
            String snippet = Snippets.cap(item.snippet(), Snippets.MAX_LENGTH);
            hit.put(
                    "segments",
                    Snippets.segments(snippet, item.matchedTerms()).stream()
                            .map(s -> Map.of("text", s.text(), "hit", s.hit()))
                            .toList());
            hit.put("markedSnippet", Snippets.marked(snippet, item.matchedTerms()));
            String url = Snippets.clean(item.url());
            boolean linkable = url.length() <= MAX_LINK_LENGTH && Checks.httpUrl(url) != null && !url.contains(" ");
            hit.put("hasLink", linkable);
            hit.put("link", linkable ? url : "");
            hits.add(hit);
        }
        scope.put("hits", hits);
        int more = sorted.size() - hits.size();
        scope.put("hasMore", more > 0);
        scope.put("more", String.format(language.locale(), w.more, more));
        scope.put(
                "footer",
                String.format(language.locale(), w.footer, Snippets.clean(watchId), Snippets.clean(rule.id())));

        return new Rendered((String) scope.get("subject"), run(TEXT, scope), run(HTML, scope));
    }

    private static String run(Mustache template, Map<String, Object> scope) {
        StringWriter out = new StringWriter();
        template.execute(out, scope);
        return out.toString();
    }

    /** The words of a digest in one language. */
    private record Words(
            String heading,
            String mentionOne,
            String mentionMany,
            String daily,
            String weekly,
            String query,
            String untitled,
            String unknownSource,
            String unknownDate,
            String datePattern,
            String sentimentLabel,
            Map<String, String> sentiments,
            String alsoInOne,
            String alsoInMany,
            String more,
            String footer) {
        static Words of(Language language) {
            return switch (language) {
                case EN ->
                    new Words(
                            "Alert \"%s\" for %s: %d new %s",
                            "mention",
                            "mentions",
                            "Daily digest",
                            "Weekly digest",
                            "Query: ",
                            "(untitled)",
                            "unknown source",
                            "date unknown",
                            "d MMM yyyy HH:mm z",
                            "sentiment: ",
                            Map.of("positive", "positive", "neutral", "neutral", "negative", "negative"),
                            "also in %d other source",
                            "also in %d other sources",
                            "… and %d more mentions, in Kibana and the vigie-alerts index.",
                            "Sent by Vigie for the watch \"%s\" because you receive the alert \"%s\". "
                                    + "Recipients are set in the watch file.");
                case FR ->
                    new Words(
                            "Alerte « %s » pour %s : %d %s",
                            "nouvelle mention",
                            "nouvelles mentions",
                            "Résumé quotidien",
                            "Résumé hebdomadaire",
                            "Requête : ",
                            "(sans titre)",
                            "source inconnue",
                            "date inconnue",
                            "d MMM yyyy HH:mm z",
                            "tonalité : ",
                            Map.of("positive", "positive", "neutral", "neutre", "negative", "négative"),
                            "aussi dans %d autre source",
                            "aussi dans %d autres sources",
                            "… et %d autres mentions, dans Kibana et l'index vigie-alerts.",
                            "Envoyé par Vigie pour la veille « %s » parce que vous recevez l'alerte « %s ». "
                                    + "Les destinataires se règlent dans le fichier de veille.");
            };
        }
    }
}
