package dev.vigie.jobs.run;

import dev.vigie.connectors.http.FetchConfig;
import dev.vigie.jobs.sink.ElasticsearchEndpoint;
import dev.vigie.jobs.sink.ElasticsearchSink;
import dev.vigie.jobs.watch.Watch;
import dev.vigie.nlp.sentiment.EnglishSentimentScorer;
import dev.vigie.nlp.sentiment.SentimentAnalyzer;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * How to run: which watches, against which Elasticsearch, where Flink runs and how wide. Built by {@link #builder()},
 * whose {@code build()} refuses inconsistent settings.
 */
public final class RunOptions {

    /** Sources fetched at once per subtask (Flink async I/O capacity). */
    public static final int DEFAULT_FETCH_CAPACITY = 16;
    /** Longest time one source (all its pages and retries) may take before it is reported as failed. */
    public static final Duration DEFAULT_FETCH_TIMEOUT = Duration.ofMinutes(5);
    /** How often the progress line is printed during a run. */
    public static final Duration DEFAULT_PROGRESS_INTERVAL = Duration.ofSeconds(5);
    /** How long the run waits for Elasticsearch to answer before starting. */
    public static final Duration DEFAULT_ELASTICSEARCH_WAIT = Duration.ofMinutes(2);

    /** Where the Flink job runs. */
    public enum Execution {
        /**
         * An embedded local MiniCluster in this JVM, sized to the machine (the default). The sources are fetched in
         * this JVM first, and the MiniCluster starts only when one of them gave something new.
         */
        EMBEDDED,
        /**
         * The environment of the context: the Flink cluster when started with {@code flink run}. The job fetches the
         * sources itself, on the task managers.
         */
        CLUSTER
    }

    private final List<Watch> watches;
    private final ElasticsearchEndpoint elasticsearch;
    private final int parallelism;
    private final Execution execution;
    private final FetchConfig fetchConfig;
    private final ApiEndpoints apis;
    private final int fetchCapacity;
    private final Duration fetchTimeout;
    private final Consumer<String> progress;
    private final Duration progressInterval;
    private final boolean dispatchAlerts;
    private final int sinkMaxBatchSize;
    private final int sinkMaxInFlightRequests;
    private final Duration sinkMaxRetryDuration;
    private final Duration elasticsearchWait;
    private final String runId;
    private final EnglishSentimentScorer.CoreNlpUse coreNlp;
    private final Duration leaseTtl;
    private final Duration leaseWait;
    private final EmbeddedCluster cluster;

    private RunOptions(Builder b) {
        this.watches = List.copyOf(b.watches);
        this.elasticsearch = b.elasticsearch;
        this.parallelism = b.parallelism;
        this.execution = b.execution;
        this.fetchConfig = b.fetchConfig;
        this.apis = b.apis;
        this.fetchCapacity = b.fetchCapacity;
        this.fetchTimeout = b.fetchTimeout;
        this.progress = b.progress;
        this.progressInterval = b.progressInterval;
        this.dispatchAlerts = b.dispatchAlerts;
        this.sinkMaxBatchSize = b.sinkMaxBatchSize;
        this.sinkMaxInFlightRequests = b.sinkMaxInFlightRequests;
        this.sinkMaxRetryDuration = b.sinkMaxRetryDuration;
        this.elasticsearchWait = b.elasticsearchWait;
        this.runId = b.runId;
        this.coreNlp = b.coreNlp;
        this.leaseTtl = b.leaseTtl;
        this.leaseWait = b.leaseWait;
        this.cluster = b.cluster;
    }

    public static Builder builder() {
        return new Builder();
    }

    public List<Watch> watches() {
        return watches;
    }

    public ElasticsearchEndpoint elasticsearch() {
        return elasticsearch;
    }

    public int parallelism() {
        return parallelism;
    }

    public Execution execution() {
        return execution;
    }

    public FetchConfig fetchConfig() {
        return fetchConfig;
    }

    public ApiEndpoints apis() {
        return apis;
    }

    public int fetchCapacity() {
        return fetchCapacity;
    }

    public Duration fetchTimeout() {
        return fetchTimeout;
    }

    /** Where progress lines go, or {@code null} for none. */
    public Consumer<String> progress() {
        return progress;
    }

    public Duration progressInterval() {
        return progressInterval;
    }

    public boolean dispatchAlerts() {
        return dispatchAlerts;
    }

    public int sinkMaxBatchSize() {
        return sinkMaxBatchSize;
    }

    public int sinkMaxInFlightRequests() {
        return sinkMaxInFlightRequests;
    }

    public Duration sinkMaxRetryDuration() {
        return sinkMaxRetryDuration;
    }

    public Duration elasticsearchWait() {
        return elasticsearchWait;
    }

    public String runId() {
        return runId;
    }

    public EnglishSentimentScorer.CoreNlpUse coreNlp() {
        return coreNlp;
    }

    /** How long a watch's lease lasts without renewal ({@link WatchLeases}). */
    public Duration leaseTtl() {
        return leaseTtl;
    }

    /** How long to wait for a watch another run holds; empty: do not wait, fail with {@link WatchBusyException}. */
    public java.util.Optional<Duration> leaseWait() {
        return java.util.Optional.ofNullable(leaseWait);
    }

    /**
     * The run's patience with Elasticsearch: how long it may fail (unreachable, 429, 5xx, write blocks) before the
     * run gives up, in the sink and in every call after the job. The same value as {@link #sinkMaxRetryDuration()}.
     */
    public Duration elasticsearchPatience() {
        return sinkMaxRetryDuration;
    }

    /** The long-lived embedded cluster the job runs on ({@code vigie serve}), or {@code null} for a MiniCluster of its own. */
    public EmbeddedCluster cluster() {
        return cluster;
    }

    /** Builds {@link RunOptions}. */
    public static final class Builder {
        private final List<Watch> watches = new ArrayList<>();
        private ElasticsearchEndpoint elasticsearch;
        private int parallelism = Runtime.getRuntime().availableProcessors();
        private Execution execution = Execution.EMBEDDED;
        private FetchConfig fetchConfig;
        private ApiEndpoints apis = ApiEndpoints.DEFAULT;
        private int fetchCapacity = DEFAULT_FETCH_CAPACITY;
        private Duration fetchTimeout = DEFAULT_FETCH_TIMEOUT;
        private Consumer<String> progress;
        private Duration progressInterval = DEFAULT_PROGRESS_INTERVAL;
        private boolean dispatchAlerts = true;
        private int sinkMaxBatchSize = ElasticsearchSink.DEFAULT_MAX_BATCH_SIZE;
        private int sinkMaxInFlightRequests = ElasticsearchSink.DEFAULT_MAX_IN_FLIGHT_REQUESTS;
        private Duration sinkMaxRetryDuration = ElasticsearchSink.DEFAULT_MAX_RETRY_DURATION;
        private Duration elasticsearchWait = DEFAULT_ELASTICSEARCH_WAIT;
        private String runId;
        private EnglishSentimentScorer.CoreNlpUse coreNlp = SentimentAnalyzer.Builder.DEFAULT_CORENLP_USE;
        private Duration leaseTtl = WatchLeases.DEFAULT_TTL;
        private Duration leaseWait;
        private EmbeddedCluster cluster;

        private Builder() {}

        public Builder watch(Watch watch) {
            watches.add(watch);
            return this;
        }

        public Builder watches(List<Watch> all) {
            watches.addAll(all);
            return this;
        }

        /** Elasticsearch to use; without it, the {@code elasticsearch} section of the first watch. */
        public Builder elasticsearch(ElasticsearchEndpoint elasticsearch) {
            this.elasticsearch = elasticsearch;
            return this;
        }

        public Builder parallelism(int parallelism) {
            this.parallelism = parallelism;
            return this;
        }

        public Builder execution(Execution execution) {
            this.execution = execution;
            return this;
        }

        /** HTTP settings of the fetchers (timeouts, politeness); without it, the connectors' defaults. */
        public Builder fetchConfig(FetchConfig fetchConfig) {
            this.fetchConfig = fetchConfig;
            return this;
        }

        public Builder apis(ApiEndpoints apis) {
            this.apis = apis;
            return this;
        }

        public Builder fetchCapacity(int fetchCapacity) {
            this.fetchCapacity = fetchCapacity;
            return this;
        }

        public Builder fetchTimeout(Duration fetchTimeout) {
            this.fetchTimeout = fetchTimeout;
            return this;
        }

        /** Prints a progress line to {@code out} every {@link #progressInterval(Duration)} during the job. */
        public Builder progress(PrintStream out) {
            this.progress = out == null ? null : out::println;
            return this;
        }

        /** Hands each progress line to {@code lines}. */
        public Builder progress(Consumer<String> lines) {
            this.progress = lines;
            return this;
        }

        public Builder progressInterval(Duration progressInterval) {
            this.progressInterval = progressInterval;
            return this;
        }

        /** Whether alert emails are dispatched after indexing (default true). */
        public Builder dispatchAlerts(boolean dispatchAlerts) {
            this.dispatchAlerts = dispatchAlerts;
            return this;
        }

        public Builder sinkMaxBatchSize(int sinkMaxBatchSize) {
            this.sinkMaxBatchSize = sinkMaxBatchSize;
            return this;
        }

        public Builder sinkMaxInFlightRequests(int sinkMaxInFlightRequests) {
            this.sinkMaxInFlightRequests = sinkMaxInFlightRequests;
            return this;
        }

        /**
         * How long Elasticsearch may stay unavailable, or refuse documents with a retryable status (429, 5xx, a write
         * block), before the run fails; also the patience of every call to Elasticsearch after the job.
         */
        public Builder sinkMaxRetryDuration(Duration sinkMaxRetryDuration) {
            this.sinkMaxRetryDuration = sinkMaxRetryDuration;
            return this;
        }

        /** How long to wait for Elasticsearch to answer before the run starts. */
        public Builder elasticsearchWait(Duration elasticsearchWait) {
            this.elasticsearchWait = elasticsearchWait;
            return this;
        }

        public Builder runId(String runId) {
            this.runId = runId;
            return this;
        }

        /**
         * When English sentiment asks Stanford CoreNLP (about 1 GB of models per JVM); {@code NEVER} keeps the run
         * small and fast with the lexicon alone.
         */
        public Builder coreNlp(EnglishSentimentScorer.CoreNlpUse coreNlp) {
            this.coreNlp = coreNlp;
            return this;
        }

        /** How long a watch's lease lasts without renewal (default {@link WatchLeases#DEFAULT_TTL}). */
        public Builder leaseTtl(Duration leaseTtl) {
            this.leaseTtl = leaseTtl;
            return this;
        }

        /**
         * Waits up to {@code leaseWait} for a watch another run is running ({@code vigie run --wait}); {@code null},
         * the default, fails at once with {@link WatchBusyException}.
         */
        public Builder leaseWait(Duration leaseWait) {
            this.leaseWait = leaseWait;
            return this;
        }

        /** The Elasticsearch of a watch's {@code elasticsearch} section. */
        static ElasticsearchEndpoint endpointOf(Watch watch) {
            return new ElasticsearchEndpoint(
                    watch.elasticsearch().url().toString(),
                    watch.elasticsearch().apiKey().isPresent()
                            ? watch.elasticsearch().apiKey().reveal()
                            : null);
        }

        /**
         * How two endpoints differ, for a message ({@code "different Elasticsearch endpoints (a and b)"}), or
         * {@code null} when they are one endpoint. API keys are compared, never printed.
         */
        static String difference(ElasticsearchEndpoint a, ElasticsearchEndpoint b) {
            if (!a.url().equals(b.url())) {
                return "different Elasticsearch endpoints (" + a.url() + " and " + b.url() + ")";
            }
            if (!java.util.Objects.equals(a.apiKey(), b.apiKey())) {
                return "different API keys for Elasticsearch " + a.url();
            }
            return null;
        }

        /**
         * Runs the job on a started embedded cluster rather than a MiniCluster of its own (an embedded run only); the
         * parallelism is then the cluster's.
         */
        public Builder cluster(EmbeddedCluster cluster) {
            this.cluster = cluster;
            return this;
        }

        public RunOptions build() {
            if (watches.isEmpty()) {
                throw new IllegalArgumentException("at least one watch is required");
            }
            Set<String> ids = new HashSet<>();
            for (Watch watch : watches) {
                if (!ids.add(watch.id())) {
                    throw new IllegalArgumentException("watch '" + watch.id() + "' is given twice");
                }
            }
            if (elasticsearch == null) {
                Watch first = watches.get(0);
                elasticsearch = endpointOf(first);
                for (Watch watch : watches) {
                    String difference = difference(elasticsearch, endpointOf(watch));
                    if (difference != null) {
                        throw new IllegalArgumentException("watches '" + first.id() + "' and '" + watch.id()
                                + "' name " + difference + "; one run writes to one Elasticsearch: run them "
                                + "separately, or give --es");
                    }
                }
            }
            if (parallelism < 1) {
                throw new IllegalArgumentException("parallelism must be >= 1, was " + parallelism);
            }
            if (execution == null) {
                throw new IllegalArgumentException("execution must not be null");
            }
            if (cluster != null) {
                if (execution != Execution.EMBEDDED) {
                    throw new IllegalArgumentException(
                            "a run on a Flink cluster (flink run) cannot use an embedded one");
                }
                parallelism = cluster.parallelism();
            }
            if (fetchConfig == null) {
                fetchConfig = FetchConfig.builder().build();
            }
            if (apis == null) {
                throw new IllegalArgumentException("apis must not be null");
            }
            if (fetchCapacity < 1) {
                throw new IllegalArgumentException("fetchCapacity must be >= 1, was " + fetchCapacity);
            }
            requirePositive("fetchTimeout", fetchTimeout);
            requirePositive("progressInterval", progressInterval);
            requirePositive("sinkMaxRetryDuration", sinkMaxRetryDuration);
            requirePositive("elasticsearchWait", elasticsearchWait);
            requirePositive("leaseTtl", leaseTtl);
            if (leaseWait != null && leaseWait.isNegative()) {
                throw new IllegalArgumentException("leaseWait must be >= 0, was " + leaseWait);
            }
            if (sinkMaxBatchSize < 1) {
                throw new IllegalArgumentException("sinkMaxBatchSize must be >= 1, was " + sinkMaxBatchSize);
            }
            if (sinkMaxInFlightRequests < 1) {
                throw new IllegalArgumentException(
                        "sinkMaxInFlightRequests must be >= 1, was " + sinkMaxInFlightRequests);
            }
            if (coreNlp == null) {
                throw new IllegalArgumentException("coreNlp must not be null");
            }
            if (runId == null) {
                runId = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
                                .withZone(ZoneOffset.UTC)
                                .format(Instant.now())
                        + "-" + UUID.randomUUID().toString().substring(0, 8);
            } else if (!runId.matches("[A-Za-z0-9._-]+")) {
                throw new IllegalArgumentException("runId must be [A-Za-z0-9._-]+, was '" + runId + "'");
            }
            return new RunOptions(this);
        }

        private static void requirePositive(String name, Duration value) {
            if (value == null || value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, was " + value);
            }
        }
    }
}
