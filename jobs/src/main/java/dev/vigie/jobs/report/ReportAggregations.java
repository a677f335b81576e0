package dev.vigie.jobs.report;

import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.DateHistogramBucket;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.JsonData;
import com.fasterxml.jackson.databind.JsonNode;
import dev.vigie.dashboards.fields.MentionFields;
import dev.vigie.dashboards.fields.PageChangeFields;
import dev.vigie.jobs.report.ReportAnalytics.BrandCounts;
import dev.vigie.jobs.report.ReportAnalytics.DayCauses;
import dev.vigie.jobs.report.ReportAnalytics.Outlet;
import dev.vigie.jobs.report.WeeklyReportData.AlertActivity;
import dev.vigie.jobs.report.WeeklyReportData.AlertHits;
import dev.vigie.jobs.report.WeeklyReportData.Author;
import dev.vigie.jobs.report.WeeklyReportData.MentionRef;
import dev.vigie.jobs.report.WeeklyReportData.NamedCount;
import dev.vigie.jobs.report.WeeklyReportData.PageChange;
import dev.vigie.jobs.report.WeeklyReportData.Story;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the answers to {@link ReportRequests}' searches into plain values: counts per day, per brand, theme and
 * outlet, and the stories, authors, alert examples and page changes the report shows. An aggregation missing from an
 * answer (no index yet, a field never indexed) reads as empty.
 */
final class ReportAggregations {
    private static final Logger LOG = LoggerFactory.getLogger(ReportAggregations.class);

    private ReportAggregations() {}

    // ---- the mentions search: top level, and the two weeks

    /** The sub-aggregations of the week ({@code "week"}) or of the week before ({@code "previous"}). */
    static Map<String, Aggregate> week(Map<String, Aggregate> top, String name) {
        return subAggs(top, name);
    }

    /** Mentions of the week ({@code "week"}) or of the week before ({@code "previous"}). */
    static long mentions(Map<String, Aggregate> top, String name) {
        Aggregate a = top.get(name);
        return a == null ? 0 : a.filter().docCount();
    }

    /** Mentions per day of the watch's time zone, over the baseline weeks and the report's week. */
    static Map<LocalDate, Long> perDay(Map<String, Aggregate> top, ZoneId zone) {
        Map<LocalDate, Long> perDay = new HashMap<>();
        if (top.containsKey("per_day")) {
            for (DateHistogramBucket b :
                    top.get("per_day").dateHistogram().buckets().array()) {
                perDay.put(Instant.ofEpochMilli(b.key()).atZone(zone).toLocalDate(), b.docCount());
            }
        }
        return perDay;
    }

    /** Mentions and sentiment labels (in lower case) per brand term, in the order of the answer. */
    static Map<String, BrandCounts> brands(Map<String, Aggregate> week) {
        Map<String, BrandCounts> brands = new LinkedHashMap<>();
        for (StringTermsBucket b : terms(week, "brands")) {
            Map<String, Long> labels = new HashMap<>();
            for (StringTermsBucket s :
                    b.aggregations().get("sentiment").sterms().buckets().array()) {
                labels.merge(s.key().stringValue().toLowerCase(Locale.ROOT), s.docCount(), Long::sum);
            }
            brands.putIfAbsent(b.key().stringValue(), new BrandCounts(b.docCount(), labels));
        }
        return brands;
    }

    /** Mentions per theme id. */
    static Map<String, Long> themes(Map<String, Aggregate> week) {
        Map<String, Long> themes = new HashMap<>();
        terms(week, "themes").forEach(b -> themes.put(b.key().stringValue(), b.docCount()));
        return themes;
    }

    /** The week's outlets, busiest first. */
    static List<Outlet> outlets(Map<String, Aggregate> week) {
        List<Outlet> outlets = new ArrayList<>();
        for (StringTermsBucket b : terms(week, "outlets")) {
            List<StringTermsBucket> type = terms(b.aggregations(), "type");
            outlets.add(new Outlet(
                    b.key().stringValue(),
                    type.isEmpty() ? null : type.get(0).key().stringValue(),
                    b.docCount()));
        }
        return outlets;
    }

    /** Mentions per outlet. */
    static Map<String, Long> outletCounts(Map<String, Aggregate> week) {
        Map<String, Long> counts = new HashMap<>();
        terms(week, "outlets").forEach(b -> counts.put(b.key().stringValue(), b.docCount()));
        return counts;
    }

    static long cardinality(Map<String, Aggregate> aggs, String name) {
        Aggregate a = aggs.get(name);
        return a == null ? 0 : a.cardinality().value();
    }

    static long sum(Map<String, Aggregate> aggs, String name) {
        Aggregate a = aggs.get(name);
        return a == null ? 0 : Math.round(a.sum().value());
    }

    /** The week's top stories that have a title, at most {@link ReportRequests#TOP_STORIES}. */
    static List<Story> stories(Map<String, Aggregate> week) {
        List<Story> stories = new ArrayList<>();
        for (StringTermsBucket b : terms(week, "stories")) {
            JsonNode doc = firstHit(
                    b.aggregations().get("in_language").filter().aggregations().get("earliest"));
            String title = titleOf(doc);
            if (title == null) {
                doc = firstHit(b.aggregations().get("top"));
                title = titleOf(doc);
            }
            if (title == null) {
                continue;
            }
            double best = b.aggregations().get("best").max().value();
            List<String> outlets = new ArrayList<>();
            terms(b.aggregations(), "outlets").forEach(o -> outlets.add(o.key().stringValue()));
            List<String> languages = new ArrayList<>();
            terms(b.aggregations(), "languages")
                    .forEach(l -> languages.add(l.key().stringValue()));
            double firstSeen = b.aggregations().get("first_seen").min().value();
            stories.add(new Story(
                    b.key().stringValue(),
                    title,
                    text(doc, MentionFields.URL),
                    b.docCount(),
                    (long) b.aggregations().get("sources").cardinality().value(),
                    Double.isFinite(best) ? Math.round(best * 1e4) / 1e4 : 0, // stored as float: 0.95 not 0.9499999
                    (long) b.aggregations().get("reach").sum().value(),
                    outlets,
                    languages,
                    Double.isFinite(firstSeen) ? Instant.ofEpochMilli((long) firstSeen) : null));
            if (stories.size() == ReportRequests.TOP_STORIES) {
                break;
            }
        }
        return stories;
    }

    static List<Author> authors(Map<String, Aggregate> week) {
        List<Author> authors = new ArrayList<>();
        for (StringTermsBucket b : terms(week, "top_authors")) {
            JsonNode doc = firstHit(b.aggregations().get("top"));
            double followers = b.aggregations().get("followers").max().value();
            authors.add(new Author(
                    b.key().stringValue(),
                    text(doc, MentionFields.AUTHOR_HANDLE),
                    text(doc, MentionFields.SOURCE_TYPE),
                    Double.isFinite(followers) ? (long) followers : 0,
                    (long) b.aggregations().get("reach").sum().value(),
                    b.docCount()));
        }
        return authors;
    }

    /** Mentions per alert rule, with the most recent ones that have a title as examples. */
    static List<AlertHits> alerts(Map<String, Aggregate> week) {
        List<AlertHits> alerts = new ArrayList<>();
        for (StringTermsBucket b : terms(week, "alerts")) {
            List<MentionRef> examples = new ArrayList<>();
            for (Hit<JsonData> hit :
                    b.aggregations().get("latest").topHits().hits().hits()) {
                JsonNode doc = hit.source() == null ? null : hit.source().to(JsonNode.class);
                String title = titleOf(doc);
                if (title != null) {
                    String published = text(doc, MentionFields.PUBLISHED_AT);
                    examples.add(new MentionRef(
                            title,
                            text(doc, MentionFields.URL),
                            text(doc, MentionFields.SOURCE_NAME),
                            published == null ? null : Instant.parse(published)));
                }
            }
            alerts.add(new AlertHits(b.key().stringValue(), b.docCount(), examples));
        }
        return alerts;
    }

    /** Each day of the week with mentions, with its top stories (those with a title) and authors. */
    static Map<LocalDate, DayCauses> dayCauses(Map<String, Aggregate> week, ZoneId zone) {
        Map<LocalDate, DayCauses> causes = new HashMap<>();
        if (!week.containsKey("days")) {
            return causes;
        }
        for (DateHistogramBucket b : week.get("days").dateHistogram().buckets().array()) {
            List<NamedCount> stories = new ArrayList<>();
            for (StringTermsBucket s : terms(b.aggregations(), "stories")) {
                JsonNode doc = firstHit(s.aggregations().get("top"));
                String title = titleOf(doc);
                if (title != null) {
                    stories.add(new NamedCount(title, text(doc, MentionFields.URL), s.docCount()));
                }
            }
            List<NamedCount> authors = new ArrayList<>();
            for (StringTermsBucket a : terms(b.aggregations(), "authors")) {
                authors.add(new NamedCount(a.key().stringValue(), null, a.docCount()));
            }
            causes.put(Instant.ofEpochMilli(b.key()).atZone(zone).toLocalDate(), new DayCauses(stories, authors));
        }
        return causes;
    }

    // ---- the page changes search

    /** How many page changes the week had in all (more than the page read when busy). */
    static long pageChangeCount(SearchResponse<JsonNode> changes) {
        return changes.hits().total() == null ? 0 : changes.hits().total().value();
    }

    /** The page changes read, by competitor, time and URL; one without competitor, URL or time is skipped. */
    static List<PageChange> pageChanges(SearchResponse<JsonNode> changes) {
        List<PageChange> list = new ArrayList<>();
        for (Hit<JsonNode> hit : changes.hits().hits()) {
            JsonNode doc = hit.source();
            String changedAt = text(doc, PageChangeFields.CHANGED_AT);
            String competitor = text(doc, PageChangeFields.COMPETITOR);
            String url = text(doc, PageChangeFields.URL);
            if (doc == null || changedAt == null || competitor == null || url == null) {
                LOG.warn("Skipping page change {} without competitor, url or changed_at", hit.id());
                continue;
            }
            String kind = text(doc, PageChangeFields.KIND);
            JsonNode magnitude = doc.get(PageChangeFields.MAGNITUDE);
            list.add(new PageChange(
                    competitor,
                    url,
                    text(doc, PageChangeFields.SECTION),
                    Instant.parse(changedAt),
                    kind == null ? "other" : kind.toLowerCase(Locale.ROOT),
                    lines(doc.get(PageChangeFields.ADDED)),
                    lines(doc.get(PageChangeFields.REMOVED)),
                    magnitude == null ? 0 : magnitude.asDouble()));
        }
        list.sort(Comparator.comparing(PageChange::competitor)
                .thenComparing(PageChange::changedAt)
                .thenComparing(PageChange::url));
        return list;
    }

    // ---- the alert ledger search

    /** What each rule of the ledger did, active or not, in the order of the answer. */
    static List<AlertActivity> alertRules(Map<String, Aggregate> aggs) {
        List<AlertActivity> rules = new ArrayList<>();
        for (StringTermsBucket b : terms(aggs, "rules")) {
            Map<String, Aggregate> matched = subAggs(b.aggregations(), "matched");
            Map<String, Aggregate> sent = subAggs(b.aggregations(), "sent");
            long emails = 0;
            List<StringTermsBucket> recipients = terms(sent, "recipients");
            for (StringTermsBucket r : recipients) {
                emails += r.aggregations().get("emails").cardinality().value();
            }
            List<StringTermsBucket> every = terms(b.aggregations(), "every");
            rules.add(new AlertActivity(
                    b.key().stringValue(),
                    every.isEmpty() ? null : every.get(0).key().stringValue(),
                    cardinality(matched, "mentions"),
                    cardinality(subAggs(b.aggregations(), "previous"), "mentions"),
                    cardinality(sent, "mentions"),
                    emails,
                    recipients.size(),
                    cardinality(subAggs(matched, "pending"), "mentions"),
                    terms(matched, "terms").stream()
                            .map(t -> t.key().stringValue())
                            .toList()));
        }
        return rules;
    }

    // ---- helpers

    private static Map<String, Aggregate> subAggs(Map<String, Aggregate> aggs, String name) {
        Aggregate a = aggs.get(name);
        return a == null ? Map.of() : a.filter().aggregations();
    }

    private static List<StringTermsBucket> terms(Map<String, Aggregate> aggs, String name) {
        Aggregate a = aggs.get(name);
        if (a == null || !a.isSterms()) {
            return List.of(); // an index without the field answers with unmapped (empty) terms
        }
        return a.sterms().buckets().array();
    }

    private static JsonNode firstHit(Aggregate topHits) {
        List<Hit<JsonData>> hits = topHits.topHits().hits().hits();
        if (hits.isEmpty() || hits.get(0).source() == null) {
            return null;
        }
        return hits.get(0).source().to(JsonNode.class);
    }

    /** A mention's title, or the start of its text for posts that have none (Mastodon, Bluesky). */
    static String titleOf(JsonNode doc) {
        String title = text(doc, MentionFields.TITLE);
        if (title != null && !title.isBlank()) {
            return title.strip();
        }
        String body = text(doc, MentionFields.TEXT);
        if (body == null || body.isBlank()) {
            return null;
        }
        String flat = body.strip().replaceAll("\\s+", " ");
        return flat.length() <= 140
                ? flat
                : flat.substring(0, flat.lastIndexOf(' ', 139) > 80 ? flat.lastIndexOf(' ', 139) : 139) + "…";
    }

    /** The text of the field at {@code path} ({@code "author.handle"}), {@code null} when absent or not a value. */
    private static String text(JsonNode doc, String path) {
        JsonNode node = doc;
        for (String p : path.split("\\.")) {
            if (node == null) {
                return null;
            }
            node = node.get(p);
        }
        return node == null || node.isNull() || node.isContainerNode() ? null : node.asText();
    }

    private static List<String> lines(JsonNode node) {
        List<String> lines = new ArrayList<>();
        if (node == null || node.isNull()) {
            return lines;
        }
        if (node.isArray()) {
            node.forEach(n -> {
                if (!n.isNull() && !n.asText().isBlank()) {
                    lines.add(n.asText().strip());
                }
            });
        } else if (!node.asText().isBlank()) {
            node.asText().lines().map(String::strip).filter(l -> !l.isEmpty()).forEach(lines::add);
        }
        return lines;
    }
}
