package dev.vigie.jobs.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.vigie.dashboards.testing.ElasticsearchExtension;
import dev.vigie.jobs.watch.AlertRuleSpec;
import dev.vigie.jobs.watch.Brand;
import dev.vigie.jobs.watch.Frequency;
import dev.vigie.jobs.watch.Language;
import dev.vigie.jobs.watch.MailSettings;
import dev.vigie.jobs.watch.Secret;
import dev.vigie.jobs.watch.SentimentFilter;
import dev.vigie.jobs.watch.Watch;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The alert ledger against a real Elasticsearch node and a real SMTP server. */
@ExtendWith(ElasticsearchExtension.class)
class AlertDispatcherIT {
    @RegisterExtension
    static final GreenMailExtension SMTP =
            new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort()).withPerMethodLifecycle(true);

    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

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

    private static Watch watch(String id, MailSettings mail, Frequency every) {
        return Watch.builder(id, new Brand("Acme", List.of()))
                .language(Language.EN)
                .timezone(ZoneId.of("Europe/Paris"))
                .mail(mail)
                .alert(new AlertRuleSpec(
                        "crisis",
                        "acme AND (outage OR panne)",
                        List.of("en", "fr"),
                        SentimentFilter.ANY,
                        List.of("cm@acme.example", "boss@acme.example"),
                        every))
                .alert(new AlertRuleSpec(
                        "pricing",
                        "globex AND price",
                        List.of(),
                        SentimentFilter.NEGATIVE,
                        List.of("veille@acme.example"),
                        every))
                .build();
    }

    private static AlertHit hit(
            String watch, String rule, String mention, String title, String lang, String sentiment) {
        return new AlertHit(
                watch,
                rule,
                mention,
                title,
                "https://news.example/" + mention,
                "News Example",
                Instant.parse("2026-11-24T08:00:00Z"),
                lang,
                sentiment,
                title + ". Acme outage reported by users.",
                List.of("acme", "outage"),
                1);
    }

    private static AlertDispatcher dispatcher(ElasticsearchClient es) {
        return new AlertDispatcher(es, settings -> Mailer.create(settings, 2_000));
    }

    @SuppressWarnings("rawtypes")
    private static List<Map> ledger(ElasticsearchClient es, String watch) throws IOException {
        SearchResponse<Map> r = es.search(
                s -> s.index("vigie-alerts")
                        .size(100)
                        .query(q -> q.term(t -> t.field("watch").value(watch))),
                Map.class);
        return r.hits().hits().stream().map(Hit::source).toList();
    }

    private static List<String> subjectsTo(String recipient) {
        return Arrays.stream(SMTP.getReceivedMessagesForDomain(recipient))
                .map(m -> {
                    try {
                        return m.getSubject();
                    } catch (jakarta.mail.MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    @Test
    void sendsOneDigestPerRuleAndRecipientThenNothingOnARerun(ElasticsearchClient es) throws Exception {
        String id = uniqueWatchId("alerts-it-rerun");
        Watch watch = watch(id, greenMail(), Frequency.RUN);
        List<AlertHit> hits = List.of(
                hit(id, "crisis", "m1", "Acme outage in Paris", "en", "negative"),
                hit(id, "crisis", "m2", "Panne chez Acme", "fr", "negative"),
                hit(id, "pricing", "m3", "Globex raises its price", "en", "negative"),
                hit(id, "pricing", "m4", "Globex price is fine", "en", "positive")); // sentiment filter: left out

        AlertDispatcher.Result first = dispatcher(es).dispatch(watch, hits, NOW);

        assertThat(first.rules())
                .containsExactly(
                        new AlertDispatcher.RuleCounts("crisis", 2, 2, 4, 0),
                        new AlertDispatcher.RuleCounts("pricing", 1, 1, 1, 0));
        assertThat(first.deliveryError()).isEmpty();
        assertThat(SMTP.getReceivedMessages()).hasSize(3);
        assertThat(subjectsTo("cm@acme.example")).containsExactly("[Vigie] Alert \"crisis\" for Acme: 2 new mentions");
        assertThat(subjectsTo("boss@acme.example"))
                .containsExactly("[Vigie] Alert \"crisis\" for Acme: 2 new mentions");
        assertThat(subjectsTo("veille@acme.example"))
                .containsExactly("[Vigie] Alert \"pricing\" for Acme: 1 new mention");
        assertThat(ledger(es, id)).hasSize(5).allSatisfy(doc -> {
            assertThat(doc.get("status")).isEqualTo("sent");
            assertThat(doc.get("sent_at")).isEqualTo(NOW.toString());
        });

        // The same hits again (a rerun, or an overlapping run) and one new: only the new one is emailed.
        AlertDispatcher.Result second = dispatcher(es)
                .dispatch(
                        watch,
                        List.of(hits.get(0), hits.get(1), hit(id, "crisis", "m5", "Acme outage again", "en", "")),
                        NOW.plusSeconds(600));
        assertThat(second.rule("crisis")).contains(new AlertDispatcher.RuleCounts("crisis", 3, 2, 2, 0));
        assertThat(second.rule("pricing")).contains(new AlertDispatcher.RuleCounts("pricing", 0, 0, 0, 0));
        assertThat(SMTP.getReceivedMessages()).hasSize(5);
        assertThat(subjectsTo("cm@acme.example"))
                .containsExactly(
                        "[Vigie] Alert \"crisis\" for Acme: 2 new mentions",
                        "[Vigie] Alert \"crisis\" for Acme: 1 new mention");

        AlertDispatcher.Result third = dispatcher(es).dispatch(watch, hits, NOW.plusSeconds(1200));
        assertThat(third.emailed()).isZero();
        assertThat(SMTP.getReceivedMessages()).hasSize(5);
    }

    @Test
    void keepsHitsPendingWhileSmtpIsDownThenSendsThemOnce(ElasticsearchClient es) throws Exception {
        String id = uniqueWatchId("alerts-it-down");
        List<AlertHit> hits = List.of(
                hit(id, "crisis", "d1", "Acme outage", "en", "negative"),
                hit(id, "crisis", "d2", "Acme outage again", "en", "negative"));

        AlertDispatcher.Result down = dispatcher(es).dispatch(watch(id, deadSmtp(), Frequency.RUN), hits, NOW);
        assertThat(down.rule("crisis"))
                .contains(new AlertDispatcher.RuleCounts("crisis", 2, 0, 0, 4, 0, 0, 0, "SMTP server unreachable"));
        assertThat(down.deliveryError()).get().asString().contains("cannot send");
        assertThat(ledger(es, id))
                .hasSize(4)
                .allSatisfy(doc -> assertThat(doc.get("status")).isEqualTo("pending"));

        // The next run finds nothing new, but the server is back: the pending hits go out, once.
        Watch back = watch(id, greenMail(), Frequency.RUN);
        AlertDispatcher.Result next = dispatcher(es).dispatch(back, List.of(), NOW.plusSeconds(600));
        assertThat(next.rule("crisis")).contains(new AlertDispatcher.RuleCounts("crisis", 0, 2, 4, 0));
        assertThat(subjectsTo("cm@acme.example")).containsExactly("[Vigie] Alert \"crisis\" for Acme: 2 new mentions");
        assertThat(ledger(es, id))
                .allSatisfy(doc -> assertThat(doc.get("status")).isEqualTo("sent"));

        dispatcher(es).dispatch(back, hits, NOW.plusSeconds(1200));
        assertThat(SMTP.getReceivedMessages()).hasSize(2);
    }

    @Test
    void dailyDigestWaitsForTheDayToEnd(ElasticsearchClient es) throws Exception {
        String id = uniqueWatchId("alerts-it-daily");
        Watch watch = watch(id, greenMail(), Frequency.DAY);
        AlertDispatcher d = dispatcher(es);

        AlertDispatcher.Result morning =
                d.dispatch(watch, List.of(hit(id, "crisis", "a1", "Acme outage", "en", "")), NOW);
        AlertDispatcher.Result evening = d.dispatch(
                watch,
                List.of(hit(id, "crisis", "a2", "Acme outage 2", "en", "")),
                Instant.parse("2026-11-24T21:00:00Z"));
        assertThat(morning.emailed() + evening.emailed()).isZero();
        assertThat(evening.rule("crisis").orElseThrow().pending()).isEqualTo(4);
        assertThat(SMTP.getReceivedMessages()).isEmpty();

        // 00:30 in Paris the next day: yesterday's two hits go out in one digest per recipient.
        AlertDispatcher.Result nextDay = d.dispatch(watch, List.of(), Instant.parse("2026-11-24T23:30:00Z"));
        assertThat(nextDay.rule("crisis")).contains(new AlertDispatcher.RuleCounts("crisis", 0, 2, 4, 0));
        assertThat(subjectsTo("boss@acme.example"))
                .containsExactly("[Vigie] Alert \"crisis\" for Acme: 2 new mentions");
        MimeMessage digest = SMTP.getReceivedMessagesForDomain("boss@acme.example")[0];
        assertThat(GreenMailUtil.getBody(digest)).contains("Daily digest");
    }

    @Test
    void escapesHtmlAndLinksFromTheFeedsInTheReceivedEmail(ElasticsearchClient es) throws Exception {
        String id = uniqueWatchId("alerts-it-inject");
        AlertHit evil = new AlertHit(
                id,
                "crisis",
                "x1",
                "<script>alert(1)</script> Acme outage",
                "javascript:alert(document.cookie)",
                "<a href=\"https://phish.example\">Feed</a>",
                NOW,
                "en",
                "negative",
                "Acme outage <img src=x onerror=alert(1)><a href=\"https://phish.example\">login</a>",
                List.of("acme"),
                2);
        dispatcher(es).dispatch(watch(id, greenMail(), Frequency.RUN), List.of(evil), NOW);

        MimeMessage m = SMTP.getReceivedMessagesForDomain("cm@acme.example")[0];
        assertThat(m.getRecipients(Message.RecipientType.TO)).hasSize(1);
        MimeMultipart alternative = (MimeMultipart) m.getContent();
        String text = alternative.getBodyPart(0).getContent().toString();
        String html = alternative.getBodyPart(1).getContent().toString();
        assertThat(html)
                .doesNotContain("<script")
                .doesNotContain("<img")
                .doesNotContain("javascript:")
                .doesNotContain("<a href=\"https://phish.example")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("also in 1 other source");
        assertThat(text).doesNotContain("javascript:").contains("<script>alert(1)</script> Acme outage");
    }

    @Test
    void withoutSmtpWritesOneEmlPerRuleAndRecipientToTheOutbox(ElasticsearchClient es, @TempDir Path dir)
            throws Exception {
        String id = uniqueWatchId("alerts-it-outbox");
        Path outbox = dir.resolve("outbox");
        Watch watch = watch(id, MailSettings.outbox(outbox.toString(), "vigie@acme.example"), Frequency.RUN);
        List<AlertHit> hits = List.of(hit(id, "crisis", "o1", "Acme outage", "en", "negative"));

        AlertDispatcher.Result result = dispatcher(es).dispatch(watch, hits, NOW);
        dispatcher(es).dispatch(watch, hits, NOW.plusSeconds(60));

        assertThat(result.destination())
                .isEqualTo(outbox.toAbsolutePath().normalize().toString());
        assertThat(result.rule("crisis")).contains(new AlertDispatcher.RuleCounts("crisis", 1, 2, 2, 0));
        try (var files = Files.list(outbox)) {
            assertThat(files.map(f -> f.getFileName().toString()).toList())
                    .hasSize(2)
                    .allMatch(
                            n -> n.matches(
                                    "\\d{8}T\\d{6}Z-vigie-alert-crisis-for-acme-1-new-mention-vigie-digest-[0-9a-f]{32}\\.eml"));
        }
        assertThat(SMTP.getReceivedMessages()).isEmpty();
    }

    @Test
    void refusesHitsOfAnotherWatch(ElasticsearchClient es) {
        Watch watch = watch(uniqueWatchId("alerts-it-a"), greenMail(), Frequency.RUN);
        AlertHit other = hit("another-client", "crisis", "o1", "Acme outage", "en", "");
        assertThatThrownBy(() -> dispatcher(es).dispatch(watch, List.of(other), NOW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("another-client");
        assertThat(SMTP.getReceivedMessages()).isEmpty();
    }
}
