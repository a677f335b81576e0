package dev.vigie.jobs.report;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import dev.vigie.dashboards.IndexTemplates;
import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Fixture documents for the report ITs: five weeks of one watch ({@code acme-it}: baseline weeks W44-W46, the
 * previous week W46 and the reported week W47 of 2026, in Europe/Paris), plus a second watch ({@code other-it})
 * that names the same brands in the same week and must never show up in the first one's report.
 */
final class ReportFixtures {

    static final String WATCH = "acme-it";
    static final String OTHER_WATCH = "other-it";
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final IsoWeek WEEK = IsoWeek.parse("2026-W47");

    private final List<Map<String, Object>> mentions = new ArrayList<>();
    private final List<Map<String, Object>> changes = new ArrayList<>();
    private final List<Map<String, Object>> ledger = new ArrayList<>();

    private ReportFixtures() {}

    static ReportScope scope(Locale locale) {
        return new ReportScope(
                WATCH,
                "Acme",
                List.of("Globex", "Initech"),
                Map.of("support", "Service client", "pricing", "Prix", "product", "Produit"),
                locale,
                PARIS,
                List.of("direction@acme.example"));
    }

    /** Indexes both watches' documents and refreshes, so the next search sees them. */
    static void index(ElasticsearchClient es) throws IOException {
        ReportFixtures f = new ReportFixtures();
        f.build();
        BulkRequest.Builder bulk = new BulkRequest.Builder();
        for (Map<String, Object> m : f.mentions) {
            bulk.operations(op -> op.index(i ->
                    i.index(IndexTemplates.MENTIONS).id((String) m.get("id")).document(m)));
        }
        for (Map<String, Object> c : f.changes) {
            bulk.operations(op -> op.index(i -> i.index(IndexTemplates.PAGE_CHANGES)
                    .id((String) c.get("id"))
                    .document(c)));
        }
        for (Map<String, Object> a : f.ledger) {
            bulk.operations(op -> op.index(
                    i -> i.index(IndexTemplates.ALERTS).id((String) a.get("id")).document(a)));
        }
        BulkResponse response = es.bulk(bulk.refresh(co.elastic.clients.elasticsearch._types.Refresh.True)
                .build());
        if (response.errors()) {
            throw new IllegalStateException("fixture indexing failed: "
                    + response.items().stream()
                            .filter(i -> i.error() != null)
                            .map(i -> i.id() + ": " + i.error().reason())
                            .toList());
        }
    }

    private void build() {
        // Baseline and previous weeks (W44, W45, W46): every day 4 mentions of Acme and 1 of Globex.
        for (int w = 1; w <= 3; w++) {
            LocalDate monday = WEEK.minusWeeks(w).monday();
            for (int d = 0; d < 7; d++) {
                LocalDate day = monday.plusDays(d);
                boolean previousWeek = w == 1;
                mention(
                        WATCH,
                        "b" + w + d + "a",
                        day,
                        10,
                        "Acme",
                        "rss",
                        "Le Fil",
                        "Claire Martin",
                        2_000,
                        d % 2 == 0 ? "positive" : "neutral",
                        previousWeek ? List.of("product") : List.of(),
                        List.of(),
                        "story-routine-" + w + d,
                        "Acme publie ses résultats " + day,
                        0.3);
                for (int k = 0; k < 3; k++) {
                    mention(
                            WATCH,
                            "b" + w + d + "b" + k,
                            day,
                            12 + k,
                            "Acme",
                            "mastodon",
                            "mastodon.social",
                            "Paul",
                            500,
                            "neutral",
                            previousWeek ? List.of("product", "pricing") : List.of(),
                            List.of(),
                            "story-misc-" + w + d,
                            null,
                            0.2);
                }
                mention(
                        WATCH,
                        "b" + w + d + "g",
                        day,
                        16,
                        "Globex",
                        "rss",
                        "Le Fil",
                        "Claire Martin",
                        2_000,
                        "positive",
                        List.of(),
                        List.of(),
                        "story-globex-" + w + d,
                        "Globex ouvre un bureau à Lyon " + day,
                        0.4);
            }
        }
        LocalDate monday = WEEK.monday();
        // The reported week: ordinary days of 3 Acme + 2 Globex + 1 Initech mentions...
        for (int d = 0; d < 7; d++) {
            LocalDate day = monday.plusDays(d);
            mention(
                    WATCH,
                    "w" + d + "a1",
                    day,
                    9,
                    "Acme",
                    "rss",
                    "Le Fil",
                    "Claire Martin",
                    2_000,
                    "positive",
                    List.of("pricing"),
                    List.of(),
                    "story-w-" + d,
                    "Acme baisse ses prix " + day,
                    0.5);
            mention(
                    WATCH,
                    "w" + d + "a2",
                    day,
                    11,
                    "Acme",
                    "bluesky",
                    "bsky.app",
                    "Jane Doe",
                    48_000,
                    "neutral",
                    List.of("pricing"),
                    List.of(),
                    "story-w-" + d,
                    null,
                    0.45);
            mention(
                    WATCH,
                    "w" + d + "a3",
                    day,
                    13,
                    "Acme",
                    "reddit",
                    "r/marketing",
                    "u/growth",
                    300,
                    "negative",
                    List.of(),
                    List.of(),
                    "story-r-" + d,
                    "Is Acme worth it? " + d,
                    0.1);
            mention(
                    WATCH,
                    "w" + d + "g1",
                    day,
                    15,
                    "Globex",
                    "rss",
                    "Le Fil",
                    "Claire Martin",
                    2_000,
                    "negative",
                    List.of(),
                    List.of(),
                    "story-g-" + d,
                    "Globex augmente ses tarifs " + day,
                    0.6);
            mention(
                    WATCH,
                    "w" + d + "g2",
                    day,
                    17,
                    "Globex",
                    "mastodon",
                    "mastodon.social",
                    "Paul",
                    500,
                    "negative",
                    List.of(),
                    List.of(),
                    "story-g-" + d,
                    null,
                    0.3);
            mention(
                    WATCH,
                    "w" + d + "i1",
                    day,
                    19,
                    "Initech",
                    "hackernews",
                    "Hacker News",
                    "pg",
                    90_000,
                    "positive",
                    List.of("product"),
                    List.of(),
                    "story-i-" + d,
                    "Initech ships v2 " + d,
                    0.7);
        }
        // ...and on Wednesday an outage story carried by 12 mentions from 4 sources: the spike.
        LocalDate wednesday = monday.plusDays(2);
        String[][] carriers = {
            {"rss", "Le Monde"}, {"rss", "Le Fil"}, {"mastodon", "mastodon.social"}, {"bluesky", "bsky.app"}
        };
        for (int i = 0; i < 12; i++) {
            String[] c = carriers[i % 4];
            String author = i < 6 ? "Le Monde Tech" : "Author " + i;
            mention(
                    WATCH,
                    "outage-" + i,
                    wednesday,
                    8 + i,
                    "Acme",
                    c[0],
                    c[1],
                    author,
                    i < 6 ? 1_200_000 : 1_000,
                    "negative",
                    List.of("support"),
                    List.of("crisis"),
                    "story-outage",
                    i == 0
                            ? "Panne géante chez Acme : <b>des milliers</b> de clients privés de service & colère"
                            : "Panne Acme, suite " + i,
                    i == 0 ? 0.95 : 0.8);
        }
        // Time zone edges: Sunday 23:30 in Paris belongs to W47, Monday 00:30 in Paris to W48.
        mentionAt(
                WATCH,
                "edge-in",
                LocalDateTime.of(monday.plusDays(6), LocalTime.of(23, 30)),
                "Acme",
                "positive",
                "Dimanche soir chez Acme");
        mentionAt(
                WATCH,
                "edge-out",
                LocalDateTime.of(monday.plusDays(7), LocalTime.of(0, 30)),
                "Acme",
                "negative",
                "Lundi suivant chez Acme");

        // Another client's watch, same brands, same week: must never reach acme-it's report.
        for (int i = 0; i < 30; i++) {
            mention(
                    OTHER_WATCH,
                    "leak-" + i,
                    monday.plusDays(i % 7),
                    12,
                    "Acme",
                    "rss",
                    "Secret Source",
                    "Other Author",
                    5_000_000,
                    "negative",
                    List.of("support"),
                    List.of("leak-rule"),
                    "story-leak",
                    "Other client's confidential story",
                    0.99);
        }

        // The alert ledger. crisis (every run) emailed the 12 outage mentions to two people in three dispatches on
        // Wednesday (6 emails); it matched 2 mentions the week before.
        LocalDateTime wednesdayAt = wednesday.atTime(10, 0);
        for (int i = 0; i < 12; i++) {
            LocalDateTime at = wednesdayAt.plusHours(2L * (i / 4));
            for (String to : List.of("cm@acme.example", "dg@acme.example")) {
                alert(WATCH, "crisis", "run", "outage-" + i, to, at, at, List.of(i % 3 == 0 ? "outage" : "panne"));
            }
        }
        for (int i = 0; i < 2; i++) {
            LocalDateTime at = monday.minusDays(4).atTime(9 + i, 0);
            alert(WATCH, "crisis", "run", "old-" + i, "cm@acme.example", at, at, List.of("panne"));
        }
        // competitor-pricing (every day) to one person: a hit of last Sunday sent on Monday, three of this week sent
        // the next mornings (Wednesday, Friday), two of this Sunday still pending.
        alert(
                WATCH,
                "competitor-pricing",
                "day",
                "p0",
                "veille@acme.example",
                monday.minusDays(1).atTime(20, 0),
                monday.atTime(7, 0),
                List.of("prix"));
        alert(
                WATCH,
                "competitor-pricing",
                "day",
                "p1",
                "veille@acme.example",
                monday.plusDays(1).atTime(10, 0),
                monday.plusDays(2).atTime(7, 0),
                List.of("prix"));
        alert(
                WATCH,
                "competitor-pricing",
                "day",
                "p2",
                "veille@acme.example",
                monday.plusDays(1).atTime(15, 0),
                monday.plusDays(2).atTime(7, 0),
                List.of("tarif"));
        alert(
                WATCH,
                "competitor-pricing",
                "day",
                "p3",
                "veille@acme.example",
                monday.plusDays(3).atTime(11, 0),
                monday.plusDays(4).atTime(7, 0),
                List.of("prix"));
        for (int i = 4; i <= 5; i++) {
            alert(
                    WATCH,
                    "competitor-pricing",
                    "day",
                    "p" + i,
                    "veille@acme.example",
                    monday.plusDays(6).atTime(14 + i, 0),
                    null,
                    List.of("prix"));
        }
        // A rule that fired only weeks ago, and another client's rule this week: neither is in the report.
        alert(
                WATCH,
                "old-rule",
                "run",
                "b10a",
                "cm@acme.example",
                monday.minusWeeks(3).atTime(9, 0),
                monday.minusWeeks(3).atTime(9, 0),
                List.of("acme"));
        for (int i = 0; i < 5; i++) {
            alert(
                    OTHER_WATCH,
                    "leak-rule",
                    "run",
                    "leak-" + i,
                    "other@client.example",
                    wednesdayAt,
                    wednesdayAt,
                    List.of("leak"));
        }

        change(
                WATCH,
                "c1",
                "Globex",
                "https://globex.example/pricing",
                "Tarifs",
                monday.plusDays(1),
                "price",
                List.of("Pro : 29 € / mois"),
                List.of("Pro : 35 € / mois"),
                0.6);
        change(
                WATCH,
                "c2",
                "Initech",
                "https://initech.example/jobs",
                null,
                monday.plusDays(3),
                "jobs",
                List.of("Data engineer <senior> (Paris)"),
                List.of(),
                0.2);
        change(
                WATCH,
                "c-old",
                "Globex",
                "https://globex.example/pricing",
                "Tarifs",
                monday.minusDays(3),
                "price",
                List.of("Pro : 35 € / mois"),
                List.of("Pro : 39 € / mois"),
                0.5);
        change(
                OTHER_WATCH,
                "c-leak",
                "Globex",
                "https://globex.example/secret",
                "Secret",
                monday.plusDays(2),
                "product",
                List.of("Confidential"),
                List.of(),
                0.9);
    }

    private void mention(
            String watch,
            String id,
            LocalDate day,
            int hour,
            String brand,
            String sourceType,
            String sourceName,
            String author,
            long followers,
            String sentiment,
            List<String> themes,
            List<String> alerts,
            String story,
            String title,
            double curation) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", watch + "-" + id);
        m.put("watch", watch);
        m.put("source", Map.of("type", sourceType, "name", sourceName, "url", "https://" + sourceType + ".example/"));
        m.put("url", "https://" + sourceType + ".example/" + watch + "/" + id);
        if (title != null) {
            m.put("title", title);
        }
        m.put(
                "text",
                "Texte de la mention " + id + " sur " + brand + ". Lorem ipsum dolor sit amet, la suite du"
                        + " texte est plus longue que le titre.");
        m.put(
                "author",
                Map.of(
                        "name",
                        author,
                        "handle",
                        "@" + author.toLowerCase(Locale.ROOT).replace(' ', '_'),
                        "followers",
                        followers));
        String at = day.atTime(hour, 0).atZone(PARIS).toInstant().toString();
        m.put("published_at", at);
        m.put("fetched_at", at);
        m.put("lang", "fr");
        m.put("reach", followers);
        m.put(
                "sentiment",
                Map.of(
                        "label",
                        sentiment,
                        "score",
                        sentiment.equals("positive") ? 0.8 : sentiment.equals("negative") ? -0.8 : 0.0));
        m.put("themes", themes);
        m.put("curation_score", curation);
        m.put("brands", List.of(brand));
        m.put("alerts", alerts);
        m.put("story_id", story);
        m.put("event", Map.of("id", story));
        mentions.add(m);
    }

    private void mentionAt(String watch, String id, LocalDateTime local, String brand, String sentiment, String title) {
        mention(
                watch,
                id,
                local.toLocalDate(),
                local.getHour(),
                brand,
                "rss",
                "Le Fil",
                "Claire Martin",
                2_000,
                sentiment,
                List.of(),
                List.of(),
                "story-" + id,
                title,
                0.1);
        Map<String, Object> last = mentions.get(mentions.size() - 1);
        String at = local.atZone(PARIS).toInstant().toString();
        last.put("published_at", at);
        last.put("fetched_at", at);
    }

    /** An entry of the {@code vigie-alerts} ledger as the alert dispatcher writes it; no {@code sentAt}: pending. */
    private void alert(
            String watch,
            String rule,
            String every,
            String mention,
            String recipient,
            LocalDateTime matchedAt,
            LocalDateTime sentAt,
            List<String> terms) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("id", watch + "-" + rule + "-" + mention + "-" + recipient);
        a.put("watch", watch);
        a.put("rule", rule);
        a.put("every", every);
        a.put("status", sentAt == null ? "pending" : "sent");
        a.put("recipients", List.of(recipient));
        a.put("mention_id", watch + ":" + mention);
        a.put("mention_title", "Mention " + mention);
        a.put("mention_url", "https://news.example/" + mention);
        a.put("mention_source", "Le Fil");
        a.put("lang", "fr");
        a.put("sentiment", "negative");
        a.put("matched_terms", terms);
        a.put("snippet", "…" + String.join(" ", terms) + "…");
        a.put("story_sources", 1);
        a.put("matched_at", matchedAt.atZone(PARIS).toInstant().toString());
        if (sentAt != null) {
            a.put("sent_at", sentAt.atZone(PARIS).toInstant().toString());
        }
        ledger.add(a);
    }

    private void change(
            String watch,
            String id,
            String competitor,
            String url,
            String section,
            LocalDate day,
            String kind,
            List<String> added,
            List<String> removed,
            double magnitude) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("id", watch + "-" + id);
        c.put("watch", watch);
        c.put("competitor", competitor);
        c.put("url", url);
        if (section != null) {
            c.put("section", section);
        }
        c.put("changed_at", day.atTime(10, 0).atZone(PARIS).toInstant().toString());
        c.put("kind", kind);
        c.put("added", added);
        c.put("removed", removed);
        c.put("diff", "-" + String.join("\n-", removed) + "\n+" + String.join("\n+", added));
        c.put("magnitude", magnitude);
        changes.add(c);
    }
}
