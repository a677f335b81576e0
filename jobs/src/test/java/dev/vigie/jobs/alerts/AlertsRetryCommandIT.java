package dev.vigie.jobs.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import dev.vigie.dashboards.IndexTemplates;
import dev.vigie.dashboards.testing.ElasticsearchExtension;
import dev.vigie.jobs.cli.ExitCodes;
import dev.vigie.jobs.cli.Vigie;
import dev.vigie.jobs.mail.AlertDispatcher;
import dev.vigie.jobs.mail.AlertHit;
import dev.vigie.jobs.mail.Mailer;
import dev.vigie.jobs.mail.WebhookSender;
import dev.vigie.jobs.mail.internal.Ledger;
import dev.vigie.jobs.testing.LoopbackSmtpServer;
import dev.vigie.jobs.testing.LoopbackWebhook;
import dev.vigie.jobs.watch.Watch;
import dev.vigie.jobs.watch.WatchLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vigie alerts retry} against a real Elasticsearch ledger: a webhook that answered 404 left its hits
 * {@code failed}; once it is mended, the command makes them pending and the next dispatch posts them once, without
 * emailing anything twice.
 */
@ExtendWith(ElasticsearchExtension.class)
class AlertsRetryCommandIT {

    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private static final String CM = "cm@acme.example";
    private static final String HOOK = "/vigie/alerts";

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private LoopbackSmtpServer smtp;
    private LoopbackWebhook receiver;
    private WebhookSender sender;
    private String id;
    private Path file;
    private Watch watch;

    @BeforeEach
    void start(ElasticsearchClient es, URI url, @TempDir Path dir) throws Exception {
        IndexTemplates.installAll(es);
        smtp = LoopbackSmtpServer.start();
        receiver = LoopbackWebhook.start();
        sender = WebhookSender.builder()
                .patience(Duration.ofSeconds(5))
                .pauses(Duration.ofMillis(50), Duration.ofMillis(200))
                .build();
        id = "alerts-retry-" + UUID.randomUUID().toString().substring(0, 8);
        file = dir.resolve(id + ".yaml");
        Files.writeString(file, """
                watch: %s
                language: en
                brand: { name: Acme }
                alerts:
                  - id: crisis
                    query: 'acme AND outage'
                    to: ["%s", "webhook:%s"]
                  - id: pricing
                    query: 'acme AND price'
                    to: ["%s"]
                elasticsearch: { url: "%s" }
                mail: { smtp: "smtp://127.0.0.1:%d", from: "vigie@acme.example" }
                """.formatted(id, CM, receiver.url(HOOK), CM, url, smtp.port()));
        watch = new WatchLoader(Map.of()).load(file);
    }

    @AfterEach
    void stop() throws IOException {
        sender.close();
        receiver.close();
        smtp.close();
    }

    private int vigie(String... args) {
        return Vigie.commandLine()
                .setOut(new PrintWriter(out))
                .setErr(new PrintWriter(err))
                .execute(args);
    }

    private AlertDispatcher.Result dispatch(ElasticsearchClient es, Instant now, String... mentions)
            throws IOException {
        List<AlertHit> hits = Arrays.stream(mentions)
                .map(m -> new AlertHit(
                        id,
                        "crisis",
                        m,
                        "Acme outage " + m,
                        "https://news.example/" + m,
                        "News Example",
                        Instant.parse("2026-11-24T08:00:00Z"),
                        "en",
                        "negative",
                        "Acme outage reported by users.",
                        List.of("acme", "outage"),
                        1))
                .toList();
        return new AlertDispatcher(
                        es,
                        settings -> Mailer.create(settings, 2_000),
                        sender,
                        Ledger.Calls.DIRECT,
                        AlertDispatcher.DEFAULT_UNKNOWN_OUTCOME_GRACE)
                .dispatch(watch, hits, now);
    }

    @SuppressWarnings("rawtypes")
    private List<String> statuses(ElasticsearchClient es) throws IOException {
        es.indices().refresh(r -> r.index(Ledger.INDEX));
        SearchResponse<Map> r = es.search(
                s -> s.index(Ledger.INDEX)
                        .size(100)
                        .query(q -> q.term(t -> t.field("watch").value(id))),
                Map.class);
        return r.hits().hits().stream()
                .map(Hit::source)
                .map(d -> d.get("recipients") + "=" + d.get("status"))
                .sorted()
                .toList();
    }

    @Test
    void hitsAWebhookRefusedArePendingAgainAfterRetryAndPostedOnceWhileTheEmailIsNotSentTwice(ElasticsearchClient es)
            throws Exception {
        receiver.answer(404, "no_such_hook");
        AlertDispatcher.Result first = dispatch(es, NOW, "r1", "r2");
        assertThat(first.rule("crisis").orElseThrow().failed()).isEqualTo(2);
        String channel = watch.alert("crisis").orElseThrow().webhooks().get(0).channelId();

        assertThat(vigie("alerts", "retry", "--watch", file.toString(), "--dry-run"))
                .as(err.toString())
                .isEqualTo(ExitCodes.OK);
        assertThat(out.toString())
                .contains("2 failed alert hits for watch " + id + ":")
                .contains("crisis -> " + channel + ": 2 hits, last answer: ")
                .contains("answered 404: no_such_hook")
                .contains("Dry run: nothing changed.")
                .doesNotContain(HOOK);
        assertThat(statuses(es)).filteredOn(s -> s.endsWith("=failed")).hasSize(2);

        receiver.answer(200, "ok");
        out.getBuffer().setLength(0);
        assertThat(vigie("alerts", "retry", "--watch", file.toString(), "--rule", "crisis"))
                .as(err.toString())
                .isEqualTo(ExitCodes.OK);
        assertThat(out.toString())
                .contains("2 hits are pending again: the next run of watch " + id + " delivers them.");
        assertThat(statuses(es)).filteredOn(s -> s.endsWith("=failed")).isEmpty();

        AlertDispatcher.Result next = dispatch(es, NOW.plusSeconds(600), "r1", "r2");
        assertThat(next.rule("crisis").orElseThrow().failed()).isZero();
        assertThat(next.pending()).isZero();
        assertThat(receiver.delivered(HOOK))
                .as("posted once, now that the webhook answers")
                .hasSize(1);
        assertThat(receiver.delivered(HOOK).get(0).body()).contains("news.example/r1", "news.example/r2");
        assertThat(smtp.receivedFor(CM))
                .as("the email went once, at the first dispatch")
                .hasSize(1);
        assertThat(statuses(es)).allMatch(s -> s.endsWith("=sent"));

        out.getBuffer().setLength(0);
        assertThat(vigie("alerts", "retry", "--watch", file.toString())).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("No failed alert hits for watch " + id + ".");
    }

    @Test
    void anUnknownRuleIsAUsageErrorNamingTheRulesOfTheWatch() {
        assertThat(vigie("alerts", "retry", "--watch", file.toString(), "--rule", "nope"))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString())
                .contains("watch '" + id + "' has no alert rule 'nope' (it has: crisis, pricing)")
                .doesNotContain("Exception");
    }
}
