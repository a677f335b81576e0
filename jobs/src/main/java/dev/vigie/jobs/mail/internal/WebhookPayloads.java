package dev.vigie.jobs.mail.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigie.jobs.spike.SpikeReport;
import dev.vigie.jobs.watch.AlertRuleSpec;
import dev.vigie.jobs.watch.Checks;
import dev.vigie.jobs.watch.Language;
import dev.vigie.jobs.watch.SpikeKind;
import dev.vigie.jobs.watch.SpikeSpec;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Alert digests in the formats webhooks expect. Everything that comes from a feed is cleaned of control characters,
 * capped (as in emails) and escaped for the format: Slack's mrkdwn ({@code &}, {@code <}, {@code >}, so a title cannot
 * ping {@code <!channel>} or forge a link), Teams' Adaptive Card markdown (backslash before {@code * _ [ ] ( ) ~ `
 * # >}, so a title cannot add a link or formatting). Links are rendered only for absolute http(s) URLs.
 *
 * <ul>
 *   <li><b>Slack</b> incoming webhook: {@code text} (the notification and fallback) and Block Kit {@code blocks}: a
 *       header, the query, one section per hit (title linked, source, date, sentiment, snippet with the matched terms
 *       in bold), a footer. Slack allows 50 blocks, 3,000 characters per section, 150 per header:
 *       {@link #SLACK_MAX_HITS} hits per message, sections cut to fit.
 *   <li><b>Teams</b> incoming webhook: a {@code message} with one Adaptive Card 1.4 attachment, the format both the
 *       Workflows webhooks ("When a Teams webhook request is received", which replace the Office 365 connectors being
 *       retired) and the legacy connectors accept; a Teams message holds about 28 KB: {@link #TEAMS_MAX_HITS} hits.
 *   <li><b>Generic</b>: Vigie's own JSON, {@code "schema": "vigie.alert-digest", "version": 1} (documented in
 *       docs/operations.md): watch, rule, digest id, idempotency key, hits with title, url, source, published_at,
 *       lang, sentiment, snippet, highlights (matched terms), also_in_sources. {@link #GENERIC_MAX_HITS} hits.
 * </ul>
 */
public final class WebhookPayloads {
    public static final String SCHEMA = "vigie.alert-digest";
    public static final int SCHEMA_VERSION = 1;
    /** Hits per Slack message: 50 blocks at most, 3 of them header, query and footer. */
    public static final int SLACK_MAX_HITS = 40;
    /** Hits per Teams message (about 28 KB allowed). */
    public static final int TEAMS_MAX_HITS = 12;
    /** Hits per generic digest. */
    public static final int GENERIC_MAX_HITS = 50;

    static final int SLACK_SECTION_MAX = 3000;
    static final int SLACK_HEADER_MAX = 150;
    /** Longest link in a Teams card: a longer URL is shown unlinked (keeps a full card under the size limit). */
    static final int TEAMS_MAX_LINK = 1000;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", Locale.ROOT);

    private WebhookPayloads() {}

    /** The fields of one digest, whatever the format. */
    public record Content(
            String digestId,
            String idempotencyKey,
            String channel,
            String watch,
            String brand,
            AlertRuleSpec rule,
            Language language,
            ZoneId zone,
            List<DigestItem> items) {
        public Content {
            items = List.copyOf(items);
        }
    }

    /** Slack's Block Kit message. */
    public static String slack(Content c) {
        List<DigestItem> items = sorted(c.items());
        String heading = heading(c);
        ObjectNode root = JSON.createObjectNode();
        root.put("text", cut(slackEscape(heading), SLACK_SECTION_MAX));
        ArrayNode blocks = root.putArray("blocks");
        ObjectNode header = blocks.addObject().put("type", "header");
        header.putObject("text")
                .put("type", "plain_text")
                .put("text", cut(heading, SLACK_HEADER_MAX))
                .put("emoji", false);
        blocks.addObject()
                .put("type", "context")
                .putArray("elements")
                .addObject()
                .put("type", "mrkdwn")
                .put("text", cut(slackEscape(period(c) + ruleLine(c.rule())), SLACK_SECTION_MAX));
        int shown = Math.min(items.size(), SLACK_MAX_HITS);
        for (DigestItem item : items.subList(0, shown)) {
            String title = slackEscape(title(item));
            String link = link(item.url(), DigestRenderer.MAX_LINK_LENGTH);
            String line = slackEscape(meta(item, c.zone()));
            String snippet = slackSnippet(item);
            String text =
                    (link == null || link.matches(".*[|<> ].*") ? "*" + title + "*" : "*<" + link + "|" + title + ">*")
                            + "\n" + line + (snippet.isEmpty() ? "" : "\n>" + snippet);
            if (text.length() > SLACK_SECTION_MAX) {
                text = cut("*" + title + "*\n" + line + (snippet.isEmpty() ? "" : "\n>" + snippet), SLACK_SECTION_MAX);
            }
            blocks.addObject()
                    .put("type", "section")
                    .putObject("text")
                    .put("type", "mrkdwn")
                    .put("text", text);
        }
        String footer = "Vigie · watch " + Snippets.clean(c.watch()) + " · rule "
                + Snippets.clean(c.rule().id())
                + (items.size() > shown ? " · " + (items.size() - shown) + " more in Kibana" : "")
                + " · " + c.digestId();
        blocks.addObject()
                .put("type", "context")
                .putArray("elements")
                .addObject()
                .put("type", "mrkdwn")
                .put("text", cut(slackEscape(footer), SLACK_SECTION_MAX));
        return write(root);
    }

    /** Teams: a message carrying one Adaptive Card. */
    public static String teams(Content c) {
        List<DigestItem> items = sorted(c.items());
        ObjectNode root = JSON.createObjectNode().put("type", "message");
        ObjectNode attachment =
                root.putArray("attachments").addObject().put("contentType", "application/vnd.microsoft.card.adaptive");
        attachment.putNull("contentUrl");
        ObjectNode card = attachment
                .putObject("content")
                .put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json")
                .put("type", "AdaptiveCard")
                .put("version", "1.4");
        card.putObject("msteams").put("width", "Full");
        ArrayNode body = card.putArray("body");
        body.addObject()
                .put("type", "TextBlock")
                .put("text", teamsEscape(heading(c)))
                .put("weight", "Bolder")
                .put("size", "Medium")
                .put("wrap", true);
        body.addObject()
                .put("type", "TextBlock")
                .put("text", teamsEscape(period(c) + ruleLine(c.rule())))
                .put("isSubtle", true)
                .put("spacing", "None")
                .put("wrap", true);
        int shown = Math.min(items.size(), TEAMS_MAX_HITS);
        for (DigestItem item : items.subList(0, shown)) {
            ArrayNode parts = body.addObject()
                    .put("type", "Container")
                    .put("separator", true)
                    .putArray("items");
            String title = teamsEscape(title(item));
            String link = link(item.url(), TEAMS_MAX_LINK);
            parts.addObject()
                    .put("type", "TextBlock")
                    .put("text", link == null || link.matches(".*[()\\s].*") ? title : "[" + title + "](" + link + ")")
                    .put("weight", "Bolder")
                    .put("wrap", true);
            parts.addObject()
                    .put("type", "TextBlock")
                    .put("text", teamsEscape(meta(item, c.zone())))
                    .put("isSubtle", true)
                    .put("spacing", "None")
                    .put("wrap", true);
            String snippet = teamsSnippet(item);
            if (!snippet.isEmpty()) {
                parts.addObject().put("type", "TextBlock").put("text", snippet).put("wrap", true);
            }
        }
        String footer = "Vigie · watch " + Snippets.clean(c.watch()) + " · rule "
                + Snippets.clean(c.rule().id())
                + (items.size() > shown ? " · " + (items.size() - shown) + " more in Kibana" : "")
                + " · " + c.digestId();
        body.addObject()
                .put("type", "TextBlock")
                .put("text", teamsEscape(footer))
                .put("isSubtle", true)
                .put("size", "Small")
                .put("separator", true)
                .put("wrap", true);
        return write(root);
    }

    /** Vigie's JSON digest, schema {@code vigie.alert-digest} version 1. */
    public static String generic(Content c) {
        List<DigestItem> items = sorted(c.items());
        ObjectNode root = JSON.createObjectNode()
                .put("schema", SCHEMA)
                .put("version", SCHEMA_VERSION)
                .put("digest_id", c.digestId())
                .put("idempotency_key", c.idempotencyKey())
                .put("watch", c.watch())
                .put("brand", Snippets.clean(c.brand()));
        ObjectNode rule = root.putObject("rule").put("id", c.rule().id());
        if (c.rule().isSpike()) {
            rule.putNull("query");
            SpikeSpec spike = c.rule().spike();
            ObjectNode spec = rule.putObject("spike")
                    .put("min_mentions", spike.minMentions())
                    .put("factor", spike.factor())
                    .put("window_hours", spike.windowHours())
                    .put("baseline_weeks", spike.baselineWeeks());
            ArrayNode on = spec.putArray("on");
            spike.on().forEach(k -> on.add(k.code()));
        } else {
            rule.put("query", c.rule().query());
        }
        rule.put("every", c.rule().every().code());
        root.put("channel", c.channel()).put("hit_count", items.size());
        ArrayNode hits = root.putArray("hits");
        for (DigestItem item : items) {
            ObjectNode h = hits.addObject()
                    .put("mention_id", item.mentionId())
                    .put("title", Snippets.cap(item.title(), DigestRenderer.MAX_TITLE_LENGTH));
            String link = link(item.url(), DigestRenderer.MAX_LINK_LENGTH);
            if (link == null) {
                h.putNull("url");
            } else {
                h.put("url", link);
            }
            h.put("source", Snippets.cap(item.source(), DigestRenderer.MAX_SOURCE_LENGTH));
            if (item.publishedAt() == null) {
                h.putNull("published_at");
            } else {
                h.put("published_at", item.publishedAt().toString());
            }
            h.put("lang", item.lang())
                    .put("sentiment", item.sentiment())
                    .put("snippet", Snippets.cap(item.snippet(), Snippets.MAX_LENGTH));
            ArrayNode highlights = h.putArray("highlights");
            item.matchedTerms().forEach(t -> highlights.add(Snippets.cap(t, 100)));
            h.put("also_in_sources", item.storySources() - 1)
                    .put("matched_at", item.matchedAt().toString());
            if (item.spike() != null) {
                // what the spike was and what caused it, as the ledger keeps it (numbers, stories, authors, outlets,
                // samples); its titles, names and links come from feeds: cleaned and capped like the hit's
                h.set("spike", JSON.valueToTree(cleaned(item.spike())));
            }
        }
        return write(root);
    }

    /** {@code &}, {@code <} and {@code >} as Slack wants them escaped in mrkdwn and plain text. */
    public static String slackEscape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** Markdown characters of an Adaptive Card TextBlock behind a backslash. */
    public static String teamsEscape(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (char ch : s.toCharArray()) {
            if ("\\*_[]()~`#>".indexOf(ch) >= 0) {
                sb.append('\\');
            }
            sb.append(ch);
        }
        return sb.toString();
    }

    private static String slackSnippet(DigestItem item) {
        StringBuilder sb = new StringBuilder();
        for (Snippets.Segment s :
                Snippets.segments(Snippets.cap(item.snippet(), Snippets.MAX_LENGTH), item.matchedTerms())) {
            String text = slackEscape(s.text()).replace("*", "∗");
            sb.append(s.hit() && !text.isBlank() ? "*" + text.strip() + "*" + (text.endsWith(" ") ? " " : "") : text);
        }
        return sb.toString();
    }

    private static String teamsSnippet(DigestItem item) {
        StringBuilder sb = new StringBuilder();
        for (Snippets.Segment s :
                Snippets.segments(Snippets.cap(item.snippet(), Snippets.MAX_LENGTH), item.matchedTerms())) {
            String text = teamsEscape(s.text());
            sb.append(s.hit() && !text.isBlank() ? "**" + text + "**" : text);
        }
        return sb.toString();
    }

    private static String heading(Content c) {
        String subject = DigestRenderer.render(c.language(), c.zone(), c.watch(), c.brand(), c.rule(), c.items())
                .subject();
        return subject.startsWith("[Vigie] ") ? subject.substring("[Vigie] ".length()) : subject;
    }

    /** What the rule watches: its query, or a spike alert's settings. */
    private static String ruleLine(AlertRuleSpec rule) {
        if (!rule.isSpike()) {
            return "query: " + Snippets.cap(rule.query(), DigestRenderer.MAX_QUERY_LENGTH);
        }
        SpikeSpec spike = rule.spike();
        return String.format(
                Locale.ROOT,
                "spike alert on %s: at least %d mentions and %s times the usual level over %d h (same weekday and"
                        + " hours of the last %d weeks)",
                spike.on().stream().map(SpikeKind::code).collect(java.util.stream.Collectors.joining(", ")),
                spike.minMentions(),
                new java.text.DecimalFormat("0.##", java.text.DecimalFormatSymbols.getInstance(Locale.ROOT))
                        .format(spike.factor()),
                spike.windowHours(),
                spike.baselineWeeks());
    }

    /** A spike report with every text from feeds cleaned and capped, and only http(s) links. */
    private static Map<String, Object> cleaned(SpikeReport r) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("kind", r.kind().code());
        m.put("start", r.start().toString());
        m.put("window_start", r.windowStart().toString());
        m.put("window_end", r.windowEnd().toString());
        m.put("count", r.count());
        m.put("baseline", r.baseline());
        m.put("baseline_weeks", r.baselineWeeks());
        m.put("factor", r.factor());
        m.put(
                "stories",
                r.stories().stream()
                        .map(st -> {
                            Map<String, Object> o = new java.util.LinkedHashMap<>();
                            o.put("event_id", st.eventId());
                            o.put("title", Snippets.cap(st.title(), DigestRenderer.MAX_TITLE_LENGTH));
                            o.put("url", link(st.url(), DigestRenderer.MAX_LINK_LENGTH));
                            o.put("mentions", st.mentions());
                            o.put(
                                    "outlets",
                                    st.outlets().stream()
                                            .map(n -> Snippets.cap(n, DigestRenderer.MAX_SOURCE_LENGTH))
                                            .toList());
                            return o;
                        })
                        .toList());
        m.put("authors", counts(r.authors()));
        m.put("outlets", counts(r.outlets()));
        m.put(
                "samples",
                r.samples().stream()
                        .map(sa -> {
                            Map<String, Object> o = new java.util.LinkedHashMap<>();
                            o.put("title", Snippets.cap(sa.title(), DigestRenderer.MAX_TITLE_LENGTH));
                            o.put("url", link(sa.url(), DigestRenderer.MAX_LINK_LENGTH));
                            o.put("source", Snippets.cap(sa.source(), DigestRenderer.MAX_SOURCE_LENGTH));
                            o.put("author", Snippets.cap(sa.author(), DigestRenderer.MAX_SOURCE_LENGTH));
                            o.put(
                                    "published_at",
                                    sa.publishedAt() == null
                                            ? null
                                            : sa.publishedAt().toString());
                            o.put("sentiment", Snippets.clean(sa.sentiment()));
                            return o;
                        })
                        .toList());
        return m;
    }

    private static List<Map<String, Object>> counts(List<SpikeReport.Count> counts) {
        return counts.stream()
                .map(n -> {
                    Map<String, Object> o = new java.util.LinkedHashMap<>();
                    o.put("name", Snippets.cap(n.name(), DigestRenderer.MAX_SOURCE_LENGTH));
                    o.put("mentions", n.mentions());
                    return o;
                })
                .toList();
    }

    private static String period(Content c) {
        return switch (c.rule().every()) {
            case RUN -> "";
            case DAY -> "daily digest · ";
            case WEEK -> "weekly digest · ";
        };
    }

    private static String title(DigestItem item) {
        String t = Snippets.cap(item.title(), DigestRenderer.MAX_TITLE_LENGTH);
        return t.isEmpty() ? "(untitled)" : t;
    }

    private static String meta(DigestItem item, ZoneId zone) {
        List<String> parts = new ArrayList<>();
        String source = Snippets.cap(item.source(), DigestRenderer.MAX_SOURCE_LENGTH);
        parts.add(source.isEmpty() ? "unknown source" : source);
        if (item.publishedAt() != null) {
            parts.add(DATE.withZone(zone).format(item.publishedAt()));
        }
        if (!item.sentiment().isEmpty()) {
            parts.add(Snippets.clean(item.sentiment()));
        }
        if (item.storySources() > 1) {
            parts.add("also in " + (item.storySources() - 1)
                    + (item.storySources() == 2 ? " other source" : " other sources"));
        }
        return String.join(" · ", parts);
    }

    /** The URL when it is an absolute http(s) URL of at most {@code max} characters, else {@code null}. */
    private static String link(String url, int max) {
        String u = Snippets.clean(url);
        return u.length() <= max && !u.contains(" ") && Checks.httpUrl(u) != null ? u : null;
    }

    private static List<DigestItem> sorted(List<DigestItem> items) {
        List<DigestItem> sorted = new ArrayList<>(items);
        sorted.sort(Comparator.comparing((DigestItem i) -> i.publishedAt() == null ? i.matchedAt() : i.publishedAt())
                .reversed()
                .thenComparing(DigestItem::mentionId));
        return sorted;
    }

    /** {@code s} cut to {@code max} characters with {@code …}, never inside an escape ({@code &amp;}). */
    static String cut(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        int end = max - 1;
        int amp = s.lastIndexOf('&', end);
        if (amp >= 0 && amp > end - 5 && s.indexOf(';', amp) >= end) {
            end = amp;
        }
        if (Character.isHighSurrogate(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end) + "…";
    }

    private static String write(ObjectNode root) {
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
