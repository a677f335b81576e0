package dev.vigie.jobs.spike;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.vigie.dashboards.IndexTemplates;
import dev.vigie.dashboards.testing.ElasticsearchExtension;
import dev.vigie.jobs.mail.AlertDispatcher;
import dev.vigie.jobs.mail.AlertHit;
import dev.vigie.jobs.mail.Mailer;
import dev.vigie.jobs.mail.internal.Ledger;
import dev.vigie.jobs.watch.AlertRuleSpec;
import dev.vigie.jobs.watch.Brand;
import dev.vigie.jobs.watch.Frequency;
import dev.vigie.jobs.watch.Language;
import dev.vigie.jobs.watch.MailSettings;
import dev.vigie.jobs.watch.Secret;
import dev.vigie.jobs.watch.SentimentFilter;
import dev.vigie.jobs.watch.SpikeKind;
import dev.vigie.jobs.watch.SpikeSpec;
import dev.vigie.jobs.watch.Watch;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Spike alerts end to end below the run: a synthetic history of several weeks indexed in a real Elasticsearch node
 * (an office-hours pattern of the brand, competitor mentions that must not count), then a burst; the alerts go
 * through the real {@link AlertDispatcher} to GreenMail, with the run's clock given.
 */
@ExtendWith(ElasticsearchExtension.class)
class SpikeAlertsIT {
    @RegisterExtension
    static final GreenMailExtension SMTP =
            new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort()).withPerMethodLifecycle(true);

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    /** Wednesday 25 November 2026, 03:40 in Paris: the nights of the earlier weeks are quiet. */
    private static final Instant NOW = Instant.parse("2026-11-25T02:40:00Z");

    private static final String CM = "cm@acme.example";
    private static final String LEAK = "Acme customer data exposed on an open server";

    private static ElasticsearchClient es;

    @BeforeAll
    static void templates(ElasticsearchClient client) throws IOException {
        es = client;
        IndexTemplates.installAll(es);
    }

    private static String uniqueWatchId(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static MailSettings greenMail() {
        return MailSettings.smtp(
                URI.create("smtp://127.0.0.1:" + SMTP.getSmtp().getPort()), "", Secret.NONE, "vigie@acme.example");
    }

    private static MailSettings deadSmtp() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return MailSettings.smtp(
                    URI.create("smtp://127.0.0.1:" + s.getLocalPort()), "", Secret.NONE, "vigie@acme.example");
        }
    }

    private static Watch watch(String id, MailSettings mail) {
        return Watch.builder(id, new Brand("Acme", List.of()))
                .language(Language.EN)
                .timezone(PARIS)
                .mail(mail)
                .alert(new AlertRuleSpec(
                        "crisis", "acme AND outage", List.of(), SentimentFilter.ANY, List.of(CM), Frequency.RUN))
                .alert(new AlertRuleSpec(
                        "spike",
                        "",
                        List.of(),
                        SentimentFilter.ANY,
                        List.of(CM),
                        Frequency.RUN,
                        List.of(),
                        new SpikeSpec(5, 2, List.of(SpikeKind.VOLUME, SpikeKind.NEGATIVE), 3, 4)))
                .build();
    }

    /** One mention document as the run's sink writes it (the fields spike alerts read). */
    private static Map<String, Object> mention(
            String watch,
            String id,
            Instant published,
            String brand,
            String title,
            String outlet,
            String author,
            String sentiment,
            String event) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("id", id);
        doc.put("watch", watch);
        doc.put("source", Map.of("type", "feed", "name", outlet, "url", "https://" + outlet + "/rss"));
        doc.put("url", "https://" + outlet + "/" + id);
        doc.put("title", title);
        doc.put("text", title + ". More about it.");
        doc.put("author", Map.of("name", author));
        doc.put("published_at", published.toString());
        doc.put("fetched_at", published.plus(10, ChronoUnit.MINUTES).toString());
        doc.put("lang", "en");
        doc.put("sentiment", Map.of("label", sentiment, "score", 0.5));
        doc.put("brands", List.of(brand));
        doc.put("event", Map.of("id", event));
        doc.put("curation_score", 0.5);
        return doc;
    }

    /**
     * Five weeks before {@code until}: one Acme mention an hour from 9:00 to 17:59 on weekdays (Paris), and one Globex
     * mention every night at 3:00 (a competitor: never counted for the brand).
     */
    private static List<Map<String, Object>> history(String watch, Instant until) {
        List<Map<String, Object>> docs = new ArrayList<>();
        Instant from = until.minus(35, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        for (Instant h = from; h.isBefore(until.minus(3, ChronoUnit.HOURS)); h = h.plus(1, ChronoUnit.HOURS)) {
            ZonedDateTime local = h.atZone(PARIS);
            if (local.getDayOfWeek().getValue() <= 5 && local.getHour() >= 9 && local.getHour() < 18) {
                docs.add(mention(
                        watch,
                        "h" + h.toEpochMilli(),
                        h.plus(20, ChronoUnit.MINUTES),
                        "Acme",
                        "Acme news of the hour",
                        "daily.example",
                        "Reporter",
                        "neutral",
                        "ev-h" + h.toEpochMilli()));
            }
            if (local.getHour() == 3) {
                docs.add(mention(
                        watch,
                        "g" + h.toEpochMilli(),
                        h.plus(5, ChronoUnit.MINUTES),
                        "Globex",
                        "Globex night news",
                        "night.example",
                        "Owl",
                        "negative",
                        "ev-g" + h.toEpochMilli()));
            }
        }
        return docs;
    }

    /** The burst: 9 Acme mentions in the 100 minutes before {@link #NOW}, 7 of them negative. */
    private static List<Map<String, Object>> burst(String watch) {
        List<Map<String, Object>> docs = new ArrayList<>();
        String[] outlets = {
            "tech-courier.example", "wire.example", "le-monde-tech.example", "hn.example", "tech-courier.example"
        };
        for (int i = 0; i < 5; i++) {
            docs.add(mention(
                    watch,
                    "leak" + i,
                    NOW.minus(100 - 10 * i, ChronoUnit.MINUTES),
                    "Acme",
                    i == 0 ? LEAK : "Acme leak: customer data exposed (" + i + ")",
                    outlets[i],
                    i < 3 ? "Jane Doe" : "Sam Roe",
                    "negative",
                    "ev-leak"));
        }
        for (int i = 0; i < 3; i++) {
            docs.add(mention(
                    watch,
                    "outage" + i,
                    NOW.minus(40 - 10 * i, ChronoUnit.MINUTES),
                    "Acme",
                    "Acme cloud outage " + i,
                    i == 0 ? "status.example" : "wire.example",
                    "Ops Desk",
                    i == 0 ? "neutral" : "negative",
                    "ev-outage"));
        }
        docs.add(mention(
                watch,
                "lyon",
                NOW.minus(15, ChronoUnit.MINUTES),
                "Acme",
                "Acme opens an office in Lyon",
                "lyon.example",
                "Ana",
                "positive",
                "ev-lyon"));
        return docs;
    }

    private static void index(List<Map<String, Object>> docs) throws IOException {
        BulkRequest.Builder bulk = new BulkRequest.Builder().refresh(Refresh.True);
        for (Map<String, Object> doc : docs) {
            bulk.operations(o -> o.index(i -> i.index(IndexTemplates.MENTIONS)
                    .id(doc.get("watch") + "-" + doc.get("id"))
                    .document(doc)));
        }
        var response = es.bulk(bulk.build());
        assertThat(response.errors())
                .as(
                        "bulk errors: %s",
                        response.items().stream()
                                .filter(i -> i.error() != null)
                                .map(i -> i.error().reason())
                                .findFirst())
                .isFalse();
    }

    private static List<AlertHit> spikes(Watch watch, Instant now) throws Exception {
        return new SpikeAlerts(new SpikeQuery(es, Ledger.Calls.DIRECT)).find(watch, now);
    }

    /** A run's alert step: the spikes, then the dispatch. */
    private static AlertDispatcher.Result run(Watch watch, Instant now) throws Exception {
        return new AlertDispatcher(es, settings -> Mailer.create(settings, 2_000))
                .dispatch(watch, spikes(watch, now), now);
    }

    @SuppressWarnings("rawtypes")
    private static List<Map> ledger(String watch) throws IOException {
        SearchResponse<Map> r = es.search(
                s -> s.index(Ledger.INDEX)
                        .size(100)
                        .query(q -> q.term(t -> t.field("watch").value(watch))),
                Map.class);
        return r.hits().hits().stream().map(Hit::source).toList();
    }

    private static String text(MimeMessage m) throws Exception {
        return ((MimeMultipart) m.getContent())
                .getBodyPart(0)
                .getContent()
                .toString()
                .replace("\r\n", "\n");
    }

    private static String html(MimeMessage m) throws Exception {
        return ((MimeMultipart) m.getContent()).getBodyPart(1).getContent().toString();
    }

    @Test
    void aBurstAgainstWeeksOfQuietNightsSendsOneAlertPerSpikeWithItsCausesAndNothingOnTheNextRun() throws Exception {
        String id = uniqueWatchId("spike-it");
        Watch watch = watch(id, greenMail());
        index(history(id, NOW));
        index(burst(id));

        AlertDispatcher.Result first = run(watch, NOW);

        assertThat(first.rule("spike")).get().satisfies(r -> {
            assertThat(r.hits()).isEqualTo(2);
            assertThat(r.emailed()).isEqualTo(2);
            assertThat(r.digestsSent()).isEqualTo(2);
        });
        MimeMessage[] received = SMTP.getReceivedMessages();
        assertThat(received).hasSize(2);
        MimeMessage volume = received[0].getSubject().contains("negative") ? received[1] : received[0];
        MimeMessage negative = volume == received[0] ? received[1] : received[0];
        assertThat(volume.getSubject()).isEqualTo("[Vigie] Spike in mentions of Acme: 9 in 3 h (usually 0)");
        assertThat(negative.getSubject()).isEqualTo("[Vigie] Spike in negative mentions of Acme: 7 in 3 h (usually 0)");
        String body = text(volume);
        // the numbers and the window
        assertThat(body)
                .contains("9 mentions from Wed 25 Nov 01:00 to 03:40 CET (3 hours)")
                .contains("usual level for these hours 0 (mean of the same weekday and hours over the last 4 weeks)")
                .contains("at least 5 mentions and 2 times the usual level");
        // what caused it: the event stories with their outlets, the authors, the outlets, sample links
        assertThat(body)
                .contains("Top event stories\n1. " + LEAK + "\n   5 mentions · outlets: tech-courier.example, "
                        + "hn.example, le-monde-tech.example, wire.example")
                .contains("2. Acme cloud outage 0\n   3 mentions · outlets: wire.example, status.example")
                .contains("Top authors: Jane Doe (3), Ops Desk (3), Sam Roe (2), Ana (1)")
                .contains("Outlets: wire.example (3), tech-courier.example (2)")
                .contains("https://tech-courier.example/leak0")
                .doesNotContain("Globex");
        assertThat(html(volume)).contains("<a href=\"https://tech-courier.example/leak0\"");
        assertThat(text(negative)).contains("7 negative mentions from").doesNotContain("Lyon");

        List<Map> entries = ledger(id);
        assertThat(entries)
                .hasSize(2)
                .allSatisfy(e -> assertThat(e.get("status")).isEqualTo("sent"));
        assertThat(entries)
                .extracting(e -> e.get("mention_id"))
                .containsExactlyInAnyOrder("spike-volume-2026-11-25T01:00:00Z", "spike-negative-2026-11-25T01:00:00Z");

        // the next run, an hour later, during the same spike (two more mentions): nothing new is sent
        index(List.of(
                mention(
                        id,
                        "later0",
                        NOW.plus(30, ChronoUnit.MINUTES),
                        "Acme",
                        "Acme leak: more details",
                        "wire.example",
                        "Jane Doe",
                        "negative",
                        "ev-leak"),
                mention(
                        id,
                        "later1",
                        NOW.plus(40, ChronoUnit.MINUTES),
                        "Acme",
                        "Acme leak: regulator asks",
                        "wire.example",
                        "Jane Doe",
                        "negative",
                        "ev-leak")));
        List<AlertHit> stillThere = spikes(watch, NOW.plus(1, ChronoUnit.HOURS));
        assertThat(stillThere)
                .extracting(AlertHit::mentionId)
                .containsExactlyInAnyOrder("spike-volume-2026-11-25T01:00:00Z", "spike-negative-2026-11-25T01:00:00Z");
        AlertDispatcher.Result next = run(watch, NOW.plus(1, ChronoUnit.HOURS));
        assertThat(next.emailed()).isZero();
        assertThat(SMTP.getReceivedMessages()).hasSize(2);
        assertThat(ledger(id)).hasSize(2);
    }

    @Test
    void theUsualOfficeHoursLevelAndACompetitorsBurstSendNothing() throws Exception {
        String id = uniqueWatchId("spike-it-quiet");
        Watch watch = watch(id, greenMail());
        Instant tuesdayNoon = Instant.parse("2026-11-24T11:30:00Z"); // 12:30 in Paris
        index(history(id, tuesdayNoon.plus(4, ChronoUnit.HOURS))); // the office hours of this morning included
        List<Map<String, Object>> globex = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            globex.add(mention(
                    id,
                    "globex" + i,
                    tuesdayNoon.minus(5L * i, ChronoUnit.MINUTES),
                    "Globex",
                    "Globex price cut " + i,
                    "wire.example",
                    "Jane Doe",
                    "negative",
                    "ev-globex"));
        }
        index(globex);

        assertThat(spikes(watch, tuesdayNoon)).isEmpty();
        AlertDispatcher.Result result = run(watch, tuesdayNoon);
        assertThat(result.rule("spike"))
                .get()
                .satisfies(r -> assertThat(r.hits()).isZero());
        assertThat(SMTP.getReceivedMessages()).isEmpty();
        assertThat(ledger(id)).isEmpty();
    }

    @Test
    void withTheSmtpServerDownTheSpikeWaitsInTheLedgerAndIsSentOnceByTheNextRun() throws Exception {
        String id = uniqueWatchId("spike-it-down");
        index(history(id, NOW));
        index(burst(id));

        AlertDispatcher.Result down = run(watch(id, deadSmtp()), NOW);

        assertThat(down.deliveryError()).isPresent();
        assertThat(down.rule("spike")).get().satisfies(r -> {
            assertThat(r.emailed()).isZero();
            assertThat(r.pending()).isEqualTo(2);
        });
        assertThat(ledger(id))
                .hasSize(2)
                .allSatisfy(e -> assertThat(e.get("status")).isEqualTo("pending"));

        // the next run comes after the spike is over: what was found is still sent, once
        Instant later = NOW.plus(6, ChronoUnit.HOURS);
        Watch watch = watch(id, greenMail());
        assertThat(spikes(watch, later)).isEmpty();
        AlertDispatcher.Result next = run(watch, later);
        assertThat(next.emailed()).isEqualTo(2);
        assertThat(SMTP.getReceivedMessages()).hasSize(2);
        assertThat(SMTP.getReceivedMessages()[0].getSubject()).startsWith("[Vigie] Spike in ");
        assertThat(text(SMTP.getReceivedMessages()[0])).contains(LEAK);
        assertThat(ledger(id))
                .hasSize(2)
                .allSatisfy(e -> assertThat(e.get("status")).isEqualTo("sent"));

        assertThat(run(watch, later.plus(1, ChronoUnit.HOURS)).emailed()).isZero();
        assertThat(SMTP.getReceivedMessages()).hasSize(2);
    }
}
