package dev.vigie.jobs.run;

import dev.vigie.connectors.http.FetchConfig;
import dev.vigie.jobs.sink.ElasticsearchEndpoint;
import dev.vigie.jobs.testing.LoopbackHttpServer;
import dev.vigie.jobs.watch.InvalidWatchException;
import dev.vigie.jobs.watch.Watch;
import dev.vigie.jobs.watch.WatchLoader;
import dev.vigie.nlp.sentiment.EnglishSentimentScorer;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * The bodies a loopback server serves to the run ITs, written in the real formats (RSS 2.0, Atom, the Hacker News
 * Algolia API, an HTML page), and the watch that reads them.
 */
final class RunFixtures {

    static final String OUTAGE_TITLE = "Acme cloud outage leaves thousands of customers stranded";
    static final String OUTAGE_TEXT = "Acme suffered a major outage on Monday morning. Customers of the Acme cloud "
            + "platform could not reach their files for six hours, and many said the support was terrible and slow. "
            + "The company apologised and promised a full report on the incident within a week.";

    private RunFixtures() {}

    /**
     * A watch id no earlier test used on this node: the node is shared (and may outlive the test JVM), and the state
     * of a watch that already ran would make the next first run incremental.
     */
    static String uniqueId(String base) {
        return base + "-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    }

    static void serve(LoopbackHttpServer server, String prefix) {
        String base = server.url() + prefix;
        server.serve(prefix + "/news/rss.xml", "application/rss+xml; charset=utf-8", """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel>
                <title>Tech Courier</title><link>%1$s/news</link><description>Tech news</description>
                <item><title>%2$s</title><link>%1$s/news/acme-outage</link><guid>%1$s/news/acme-outage</guid>
                <pubDate>Mon, 23 Nov 2026 08:00:00 GMT</pubDate><description>%3$s</description></item>
                <item><title>Panne géante chez Acme : les clients en colère</title>
                <link>%1$s/news/acme-panne</link><guid>%1$s/news/acme-panne</guid>
                <pubDate>Mon, 23 Nov 2026 09:30:00 GMT</pubDate>
                <description>Les clients d'Acme subissent une panne depuis ce matin. Le service est inaccessible et le
                support ne répond pas, c'est une catastrophe pour les entreprises qui en dépendent.</description></item>
                <item><title>Acme opens a new office in Lyon</title><link>%1$s/news/acme-lyon</link>
                <guid>%1$s/news/acme-lyon</guid><pubDate>Sun, 22 Nov 2026 10:00:00 GMT</pubDate>
                <description>Acme announced a new office in Lyon with fifty jobs, a great step for a company that keeps
                growing and hiring engineers.</description></item>
                </channel></rss>
                """.formatted(
                        base, OUTAGE_TITLE, OUTAGE_TEXT));
        server.serve(
                prefix + "/globex/atom.xml", "application/atom+xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom">
                <title>Globex newsroom</title><id>%1$s/globex/</id><updated>2026-11-23T12:00:00Z</updated>
                <entry><title>%2$s</title><id>%1$s/globex/wire/acme-outage</id>
                <link href="%1$s/globex/wire/acme-outage"/><updated>2026-11-23T11:00:00Z</updated>
                <author><name>Wire desk</name></author>
                <content type="text">Wire report. %3$s</content></entry>
                <entry><title>Globex cuts its prices</title><id>%1$s/globex/prices</id>
                <link href="%1$s/globex/prices"/><updated>2026-11-23T12:00:00Z</updated>
                <content type="html">&lt;p&gt;Globex lowers the price of its premium plan to 29 euros a month for
                every new customer.&lt;/p&gt;</content></entry>
                </feed>
                """.formatted(base, OUTAGE_TITLE, OUTAGE_TEXT));
        server.serve(
                prefix + "/api/v1/search_by_date", "application/json", """
                {"hits":[{"objectID":"%s4242","title":"Ask HN: anyone else hit by the Acme outage?",
                "author":"jdoe","created_at_i":1795420800,"created_at":"2026-11-23T08:00:00Z","points":42,
                "num_comments":17,"story_text":"Our whole team lost access this morning. Is the Acme outage still going on?"}],
                "page":0,"nbPages":1,"hitsPerPage":100}
                """.formatted(prefix.replaceAll("[^0-9]", "")));
        server.serve(prefix + "/globex/pricing", "text/html; charset=utf-8", """
                <!doctype html><html><head><title>Globex pricing</title></head><body>
                <main><div class="pricing"><h2>Plans</h2><p>Basic: 10 euros a month</p>
                <p>Premium: 29 euros a month</p></div></main><footer>© Globex</footer></body></html>
                """);
    }

    static Watch watch(String id, LoopbackHttpServer server, String prefix, URI elasticsearch, int smtpPort)
            throws InvalidWatchException {
        return new WatchLoader(Map.of()).parse(id + ".yaml", yaml(id, server, prefix, elasticsearch, smtpPort));
    }

    /** The watch file of {@link #watch}. */
    static String yaml(String id, LoopbackHttpServer server, String prefix, URI elasticsearch, int smtpPort) {
        String base = server.url() + prefix;
        return """
                watch: %1$s
                language: en
                brand: { name: Acme, aliases: ["Acme Corp"] }
                competitors:
                  - name: Globex
                    aliases: ["Globex Corp"]
                    feeds: ["%2$s/globex/atom.xml"]
                    pages:
                      - { url: "%2$s/globex/pricing", select: "main .pricing" }
                sources:
                  feeds: ["%2$s/news/rss.xml"]
                  hackernews: [{ query: "acme" }]
                alerts:
                  - id: crisis
                    query: 'acme AND (outage OR panne)'
                    languages: [fr, en]
                    to: ["cm@acme.example"]
                    every: run
                themes:
                  - { id: product, label: "Product", examples: ["Acme opens a new office"], keywords: ["new office"] }
                elasticsearch: { url: "%3$s" }
                mail: { smtp: "smtp://127.0.0.1:%4$d", from: "vigie@acme.example" }
                """.formatted(id, base, elasticsearch, smtpPort);
    }

    /** Options for a run against the loopback server: private addresses allowed, no CoreNLP (small heap). */
    static RunOptions.Builder options(Watch watch, LoopbackHttpServer server, String prefix, URI elasticsearch) {
        return RunOptions.builder()
                .watch(watch)
                .elasticsearch(ElasticsearchEndpoint.of(elasticsearch.toString()))
                .apis(ApiEndpoints.allAt(URI.create(server.url() + prefix)))
                .fetchConfig(FetchConfig.builder()
                        .allowPrivateAddresses(true)
                        .perHostMinDelay(Duration.ZERO)
                        .maxRetries(0)
                        .build())
                .coreNlp(EnglishSentimentScorer.CoreNlpUse.NEVER)
                .parallelism(2);
    }
}
