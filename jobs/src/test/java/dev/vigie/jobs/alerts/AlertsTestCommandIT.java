package dev.vigie.jobs.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigie.dashboards.IndexTemplates;
import dev.vigie.dashboards.testing.ElasticsearchExtension;
import dev.vigie.jobs.cli.ExitCodes;
import dev.vigie.jobs.cli.Vigie;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code vigie alerts test} against a real Elasticsearch node holding a watch's mentions. */
@ExtendWith(ElasticsearchExtension.class)
class AlertsTestCommandIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private String watch;
    private Path watchFile;
    private final Instant now = Instant.now();

    private int vigie(String... args) {
        return Vigie.commandLine()
                .setOut(new PrintWriter(out))
                .setErr(new PrintWriter(err))
                .execute(args);
    }

    @BeforeEach
    void mentions(ElasticsearchClient es, URI url, @TempDir Path dir) throws Exception {
        IndexTemplates.installAll(es);
        watch = "alerts-test-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        watchFile = dir.resolve("watch.yaml");
        Files.writeString(watchFile, """
                watch: %s
                brand: { name: Acme }
                alerts:
                  - id: crisis
                    query: 'acme AND (panne OR outage OR "fuite de données")'
                    languages: [fr]
                    to: ["cm@acme.example"]
                elasticsearch: { url: "%s" }
                mail: { outbox: "%s", from: "vigie@acme.example" }
                """.formatted(watch, url, dir.resolve("outbox")));
        index(es, "m1", 2, "fr", "Panne géante chez Acme", "Les clients d'Acme ne peuvent plus se connecter.");
        index(es, "m2", 9, "fr", "L'Acme confirme une fuite de données", "12 000 abonnés concernés.");
        index(es, "m3", 9, "en", "Acme outage in London", "Riders stranded.");
        index(es, "m4", 3, "fr", "Acme lance un vélo cargo", "Un nouveau modèle.");
        index(es, "m5", 40, "fr", "Panne chez Acme, il y a longtemps", "Trop vieux pour la fenêtre.");
        index(es, "m6", 1, "fr", "Les pannes de Globex", "Rien sur la marque.");
        es.indices().refresh(r -> r.index(IndexTemplates.MENTIONS));
    }

    private void index(ElasticsearchClient es, String id, int daysAgo, String lang, String title, String text)
            throws Exception {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("id", watch + ":" + id);
        doc.put("watch", watch);
        doc.put("title", title);
        doc.put("text", text);
        doc.put("url", "https://news.example/" + id);
        doc.put("lang", lang);
        doc.put("source", Map.of("type", "feed", "name", "News " + id));
        doc.put("published_at", now.minus(Duration.ofDays(daysAgo)).toString());
        doc.put("sentiment", Map.of("label", "negative"));
        String json = JSON.writeValueAsString(doc);
        es.index(i -> i.index(IndexTemplates.MENTIONS).id(watch + ":" + id).withJson(new java.io.StringReader(json)));
    }

    @Test
    void countsMatchesPerWeekAndHighlightsTheFirstOnes() {
        assertThat(vigie(
                        "alerts",
                        "test",
                        "--watch",
                        watchFile.toString(),
                        "--query",
                        "acme AND (panne OR outage OR \"fuite de données\")",
                        "--since",
                        "4w"))
                .isEqualTo(ExitCodes.OK);
        String printed = out.toString();
        // m1, m2 (elided "L'Acme"), m3 match; m4 has no incident word, m5 is older than 4 weeks, m6 names no Acme
        assertThat(printed).contains("5 mentions in the last 4 weeks").contains(", 3 match");
        assertThat(printed)
                .contains("[Panne] géante chez [Acme]")
                .contains("L'[Acme] confirme une [fuite de données]")
                .contains("[Acme] [outage] in London");
        assertThat(printed)
                .doesNotContain("vélo cargo")
                .doesNotContain("longtemps")
                .doesNotContain("Globex");
        assertThat(printed).containsPattern("(?m)^\\d{4}-W\\d{2} +\\d+$");
        long weeks =
                printed.lines().filter(l -> l.matches("\\d{4}-W\\d{2} +\\d+")).count();
        assertThat(weeks).isBetween(4L, 6L);
        long total = printed.lines()
                .filter(l -> l.matches("\\d{4}-W\\d{2} +\\d+"))
                .mapToLong(l -> Long.parseLong(l.replaceAll(".* ", "")))
                .sum();
        assertThat(total).isEqualTo(3);
    }

    @Test
    void aRuleOfTheWatchKeepsItsLanguageFilter() {
        assertThat(vigie("alerts", "test", "--watch", watchFile.toString(), "--rule", "crisis"))
                .isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("rule crisis").contains(", 2 match").doesNotContain("London");
    }

    @Test
    void explainsWhyAMentionDoesNotMatch() {
        assertThat(vigie(
                        "alerts",
                        "test",
                        "--watch",
                        watchFile.toString(),
                        "--rule",
                        "crisis",
                        "--explain",
                        watch + ":m3"))
                .isEqualTo(ExitCodes.OK);
        String printed = out.toString();
        assertThat(printed).contains("DOES NOT MATCH").contains("languages [fr]: no, the mention is en");

        out.getBuffer().setLength(0);
        assertThat(vigie(
                        "alerts",
                        "test",
                        "--watch",
                        watchFile.toString(),
                        "--query",
                        "acme AND panne",
                        "--explain",
                        watch + ":m4"))
                .isEqualTo(ExitCodes.OK);
        assertThat(out.toString())
                .contains("DOES NOT MATCH")
                .contains("MUST content:acm -> yes")
                .contains("MUST content:pann -> no");

        out.getBuffer().setLength(0);
        assertThat(vigie(
                        "alerts",
                        "test",
                        "--watch",
                        watchFile.toString(),
                        "--query",
                        "acme AND panne",
                        "--explain",
                        watch + ":m1"))
                .isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("MATCHES, on: Panne, Acme");
    }

    @Test
    void badUsageExitsTwoWithTheReason() {
        assertThat(vigie("alerts", "test", "--watch", watchFile.toString(), "--query", "acme AND (panne"))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("bad query");
        assertThat(vigie("alerts", "test", "--watch", watchFile.toString(), "--rule", "nope"))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("no alert rule 'nope'").contains("crisis");
        assertThat(vigie("alerts", "test", "--watch", watchFile.toString())).isEqualTo(ExitCodes.USAGE);
        assertThat(vigie("alerts", "test", "--watch", watchFile.toString(), "--query", "acme", "--since", "4y"))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(vigie(
                        "alerts",
                        "test",
                        "--watch",
                        watchFile.toString(),
                        "--query",
                        "acme",
                        "--explain",
                        "unknown-id"))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("no mention 'unknown-id'");
    }
}
