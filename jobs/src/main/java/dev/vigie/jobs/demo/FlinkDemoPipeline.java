package dev.vigie.jobs.demo;

import dev.vigie.connectors.http.FetchConfig;
import dev.vigie.jobs.run.ApiEndpoints;
import dev.vigie.jobs.run.RunOptions;
import dev.vigie.jobs.run.RunSummary;
import dev.vigie.jobs.run.VigieRun;
import dev.vigie.jobs.sink.ElasticsearchEndpoint;
import dev.vigie.jobs.watch.Watch;
import dev.vigie.nlp.sentiment.EnglishSentimentScorer;
import dev.vigie.nlp.sentiment.SentimentAnalyzer;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The demo's pipeline is the product's: {@link VigieRun#run} on an embedded Flink, as {@code vigie run} does it. Only
 * what the demo server needs differs from a user's run: its loopback address must be allowed (the fetchers refuse
 * private addresses by default, against server-side request forgery), the Bluesky, Reddit and Hacker News APIs are
 * asked at the demo server, and there is no politeness delay between requests since every source is on that one
 * host of ours.
 */
public final class FlinkDemoPipeline implements DemoPipeline {

    /** Requests at once to the demo server: every demo source lives on that one loopback host. */
    static final int DEMO_HOST_CONCURRENCY = 8;

    private final EnglishSentimentScorer.CoreNlpUse coreNlp;
    private final List<RunSummary> summaries = new ArrayList<>();

    /** The pipeline with the run job's defaults, Stanford CoreNLP included, as {@code vigie run} has them. */
    public FlinkDemoPipeline() {
        this(SentimentAnalyzer.Builder.DEFAULT_CORENLP_USE);
    }

    /**
     * @param coreNlp when English sentiment asks Stanford CoreNLP; {@code NEVER} fits a small heap (about 1 GB less),
     *                as in a test JVM
     */
    public FlinkDemoPipeline(EnglishSentimentScorer.CoreNlpUse coreNlp) {
        this.coreNlp = Objects.requireNonNull(coreNlp, "coreNlp");
    }

    @Override
    public void run(Watch watch, URI elasticsearch, URI apis, PrintStream out) throws Exception {
        Objects.requireNonNull(out, "out");
        RunOptions options = RunOptions.builder()
                .watch(watch)
                .elasticsearch(new ElasticsearchEndpoint(elasticsearch.toString(), null))
                .apis(ApiEndpoints.allAt(apis))
                .fetchConfig(FetchConfig.builder()
                        .allowPrivateAddresses(true)
                        .perHostMinDelay(Duration.ZERO)
                        .perHostConcurrency(DEMO_HOST_CONCURRENCY)
                        .build())
                .coreNlp(coreNlp)
                .progress(out)
                .build();
        RunSummary summary = VigieRun.run(options);
        summaries.add(summary);
        summary.print(out);
    }

    /** The summaries of the runs so far, in order (what the demo's IT checks beyond Elasticsearch). */
    public List<RunSummary> summaries() {
        return List.copyOf(summaries);
    }
}
