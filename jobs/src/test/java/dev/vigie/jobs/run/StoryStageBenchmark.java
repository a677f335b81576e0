package dev.vigie.jobs.run;

import com.sun.management.GarbageCollectionNotificationInfo;
import dev.vigie.connectors.mention.Author;
import dev.vigie.connectors.mention.Engagement;
import dev.vigie.connectors.mention.Mention;
import dev.vigie.connectors.mention.Source;
import dev.vigie.connectors.mention.SourceType;
import dev.vigie.jobs.sink.ElasticsearchEndpoint;
import dev.vigie.nlp.dedup.StoryClusterer;
import dev.vigie.nlp.dedup.StorySigner;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * The run job's story stage on generated mentions of one watch, on an embedded Flink in BATCH mode, before and after
 * the change that made it scale, alternately for a number of rounds. Prints wall time, CPU time of the whole process,
 * the largest heap in use after a garbage collection, and whether both give the same stories.
 *
 * <ul>
 *   <li><b>before</b>: the previous stage: every mention of the watch (text included) held in one subtask, then each
 *       compared with every earlier member sharing a band key. It runs here with today's exhaustive search
 *       ({@link StoryClusterer#EVERY_MEMBER}), which gives the same stories as the previous code and is faster (see
 *       {@code StoryBenchmark}): this baseline is, if anything, flattered.
 *   <li><b>after</b>: {@link AssignStories#stage}: light story items per watch, bounded representatives, earlier
 *       copies looked up in Elasticsearch (a first run: the watch has nothing indexed), stories broadcast to the
 *       mentions, which stay on every subtask.
 * </ul>
 *
 * <p>Mentions: originals of 30 to 60 words (or {@code WORDS} to twice that) drawn from a Zipf vocabulary of 20,000
 * words (unrelated to each other), and a share of copies (a source prefix, a footer, a word dropped, the end cut; one
 * to three of these) spread over stories with a Zipf law, so that one story has thousands of copies; 500 sources.
 *
 * <pre>
 * jobs/bench/story-stage-benchmark.sh [MENTIONS [COPY_SHARE [PARALLELISM [ES_URL [ROUNDS [WORDS]]]]]]
 * </pre>
 */
public final class StoryStageBenchmark {

    private static final String WATCH = "bench";
    private static final StorySigner SIGNER = StorySigner.create();
    private static final long START = Instant.parse("2026-01-05T00:00:00Z").toEpochMilli();
    private static final String[] PREFIXES = {"PARIS (Reuters) - ", "(AP) ", "AFP - ", "UPDATE 2-"};
    private static final String[] FOOTERS = {
        " Read more at news.example.com.", " Follow us @newsdesk.", " (Reporting by Jane Doe; editing by John Smith)"
    };

    private StoryStageBenchmark() {}

    public static void main(String[] args) throws Exception {
        int size = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        double share = args.length > 1 ? Double.parseDouble(args[1]) : 0.3;
        int parallelism = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        String es =
                args.length > 3 ? args[3] : System.getenv().getOrDefault("VIGIE_TEST_ES_URL", "http://127.0.0.1:9200");
        int rounds = args.length > 4 ? Integer.parseInt(args[4]) : 2;
        int words = args.length > 5 ? Integer.parseInt(args[5]) : 30;
        System.out.printf(
                "%,d mentions of one watch, %.0f %% copies, originals of %d to %d words, parallelism %d,"
                        + " heap max %d MB, Elasticsearch %s, load average %s%n",
                size,
                100 * share,
                words,
                2 * words,
                parallelism,
                Runtime.getRuntime().maxMemory() >> 20,
                es,
                loadAverage());
        ElasticsearchEndpoint endpoint = ElasticsearchEndpoint.of(es);
        Map<String, String> before = null;
        Map<String, String> after = null;
        for (int r = 1; r <= rounds; r++) {
            before = run(
                    "round " + r + ", before: mentions in one subtask",
                    size,
                    share,
                    words,
                    parallelism,
                    enriched -> enriched.keyBy(EnrichedMention::watch, Types.STRING)
                            .process(new PreviousStage(), RunTypes.ENRICHED_MENTION));
            after = run(
                    "round " + r + ", after: story items, broadcast stories",
                    size,
                    share,
                    words,
                    parallelism,
                    enriched -> AssignStories.stage(enriched, endpoint, Duration.ofMinutes(1), List.of()));
        }
        Map<String, String> reference = after;
        long same = before.entrySet().stream()
                .filter(e -> e.getValue().equals(reference.get(e.getKey())))
                .count();
        System.out.printf(
                "%,d stories; %,d of %,d mentions have the same story either way; load average %s%n",
                new HashSet<>(after.values()).size(), same, before.size(), loadAverage());
    }

    private static Map<String, String> run(
            String name,
            int size,
            double share,
            int words,
            int parallelism,
            Function<DataStream<EnrichedMention>, DataStream<EnrichedMention>> stage)
            throws Exception {
        Configuration config = new Configuration();
        config.set(TaskManagerOptions.MANAGED_MEMORY_SIZE, RunGraph.EMBEDDED_MANAGED_MEMORY);
        config.set(TaskManagerOptions.NUM_TASK_SLOTS, parallelism);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism, config);
        env.setRuntimeMode(RuntimeExecutionMode.BATCH);
        env.getConfig().enableObjectReuse();
        DataStream<EnrichedMention> enriched = env.fromSequence(0, size - 1)
                .map(i -> mention(i, size, share, words), RunTypes.ENRICHED_MENTION)
                .name("generated mentions");
        DataStream<String> stories = stage.apply(enriched).map(m -> m.documentId() + "\t" + m.storyId(), Types.STRING);

        System.gc();
        LiveHeap live = new LiveHeap();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu = os.getProcessCpuTime();
        long start = System.nanoTime();
        Map<String, String> storyOf = new HashMap<>();
        try (var results = stories.executeAndCollect(name)) {
            results.forEachRemaining(line -> {
                int tab = line.indexOf('\t');
                storyOf.put(line.substring(0, tab), line.substring(tab + 1));
            });
        } finally {
            live.stop();
        }
        double wall = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (os.getProcessCpuTime() - cpu) / 1e9;
        System.out.printf(
                "%-44s %7.1f s wall %7.1f CPU-s (process) %6d MB heap after GC (max) %,9d mentions%n",
                name, wall, cpuSeconds, live.max() >> 20, storyOf.size());
        return storyOf;
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /**
     * The largest heap in use just after a garbage collection while a job runs: what the job holds (an upper bound,
     * as a young collection leaves the old generation's garbage in place), unlike the pools' peaks, which mostly say
     * how far the collector let the heap fill.
     */
    private static final class LiveHeap implements NotificationListener {
        private final AtomicLong max = new AtomicLong();
        private final Set<String> heapPools = new HashSet<>();

        LiveHeap() {
            ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(p -> p.getType() == MemoryType.HEAP)
                    .forEach(p -> heapPools.add(p.getName()));
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                ((NotificationEmitter) gc).addNotificationListener(this, null, null);
            }
        }

        @Override
        public void handleNotification(Notification notification, Object handback) {
            if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                return;
            }
            GarbageCollectionNotificationInfo info =
                    GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
            long used = 0;
            for (Map.Entry<String, MemoryUsage> pool :
                    info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
                if (heapPools.contains(pool.getKey())) {
                    used += pool.getValue().getUsed();
                }
            }
            max.accumulateAndGet(used, Math::max);
        }

        long max() {
            return max.get();
        }

        void stop() throws ListenerNotFoundException {
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                ((NotificationEmitter) gc).removeNotificationListener(this);
            }
        }
    }

    /** Mention {@code i} of a batch of {@code size}: the same every time. */
    static EnrichedMention mention(long i, int size, double share, int words) {
        int originals = size - (int) Math.round(size * share);
        Random rnd = new Random(i * 0x9E3779B97F4A7C15L + 17);
        int story;
        String text;
        long published;
        if (i < originals) {
            story = (int) i;
            text = original(story, words);
            published = START + story * 6_000L;
        } else {
            int withCopies = Math.max(1, Math.min(originals, (size - originals) / 5));
            story = zipf(withCopies, rnd);
            text = copy(original(story, words), rnd);
            published = START + story * 6_000L + 60_000 + (long) (rnd.nextDouble() * 2 * 86_400_000);
        }
        String url = "https://outlet-" + (i % 500) + ".example/" + i;
        Mention m = new Mention(
                "bench:" + i,
                new Source(
                        SourceType.FEED, "outlet-" + (i % 500), "https://outlet-" + (i % 500) + ".example/rss", null),
                url,
                null,
                text,
                Author.UNKNOWN,
                Instant.ofEpochMilli(published),
                false,
                Instant.ofEpochMilli(START),
                "en",
                Engagement.NONE,
                null);
        var signature = SIGNER.sign(text);
        return new EnrichedMention(
                WATCH,
                "feed:" + (i % 500),
                m,
                "en",
                "neutral",
                0.0,
                List.of(),
                0.5,
                List.of(),
                signature.isComparable() ? signature : null,
                null,
                null,
                List.of(),
                1);
    }

    static String original(int story, int minWords) {
        Random rnd = new Random(story * 31L + 7);
        int words = minWords + rnd.nextInt(minWords + 1);
        StringBuilder text = new StringBuilder();
        for (int w = 0; w < words; w++) {
            // Zipf-like: index e^(u * ln 20000) favours small indices
            int word = (int) Math.exp(rnd.nextDouble() * Math.log(20_000));
            text.append(w == 0 ? "" : " ").append("w").append(Integer.toString(word, 36));
        }
        return text.append('.').toString();
    }

    static String copy(String text, Random rnd) {
        String body = text;
        String prefix = "";
        String footer = "";
        int edits = 1 + rnd.nextInt(3);
        for (int e = 0; e < edits; e++) {
            switch (rnd.nextInt(4)) {
                case 0 -> prefix = PREFIXES[rnd.nextInt(PREFIXES.length)];
                case 1 -> footer = FOOTERS[rnd.nextInt(FOOTERS.length)];
                case 2 -> {
                    List<String> words = new ArrayList<>(List.of(body.split(" ")));
                    words.remove(rnd.nextInt(words.size()));
                    body = String.join(" ", words);
                }
                default -> body = body.substring(0, body.length() * 4 / 5) + "...";
            }
        }
        return prefix + body + footer;
    }

    private static int zipf(int n, Random rnd) {
        double harmonic = Math.log(n) + 0.5772;
        double target = rnd.nextDouble() * harmonic;
        double sum = 0;
        for (int k = 0; k < n; k++) {
            sum += 1.0 / (k + 1);
            if (sum >= target) {
                return k;
            }
        }
        return n - 1;
    }

    /**
     * The previous story stage, kept as the baseline: every mention of a watch held in keyed state in one subtask;
     * in BATCH mode the timer fires once all have arrived.
     */
    private static final class PreviousStage extends KeyedProcessFunction<String, EnrichedMention, EnrichedMention> {

        private transient ListState<EnrichedMention> pending;

        @Override
        public void open(OpenContext context) {
            pending = getRuntimeContext().getListState(new ListStateDescriptor<>("pending", RunTypes.ENRICHED_MENTION));
        }

        @Override
        public void processElement(EnrichedMention mention, Context context, Collector<EnrichedMention> out)
                throws Exception {
            pending.add(mention);
            context.timerService().registerEventTimeTimer(Long.MAX_VALUE);
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext context, Collector<EnrichedMention> out) throws Exception {
            Map<String, EnrichedMention> byId = new HashMap<>();
            List<StoryClusterer.Item> items = new ArrayList<>();
            for (EnrichedMention mention : pending.get()) {
                byId.put(mention.documentId(), mention);
                if (mention.signature() != null) {
                    items.add(new StoryClusterer.Item(
                            mention.documentId(),
                            mention.mention().publishedAt().toEpochMilli(),
                            mention.signature()));
                }
            }
            List<StoryClusterer.Assignment> assignments =
                    new StoryClusterer(SIGNER, StoryClusterer.EVERY_MEMBER).assign(items);
            Map<String, Set<String>> sourcesByStory = new HashMap<>();
            for (StoryClusterer.Assignment assignment : assignments) {
                sourcesByStory
                        .computeIfAbsent(assignment.storyId(), s -> new HashSet<>())
                        .add(byId.get(assignment.id()).mention().source().name());
            }
            for (StoryClusterer.Assignment assignment : assignments) {
                EnrichedMention mention = byId.remove(assignment.id());
                out.collect(mention.withStory(
                        assignment.storyId(),
                        assignment.duplicateOf(),
                        sourcesByStory.get(assignment.storyId()).size()));
            }
            for (EnrichedMention alone : byId.values()) {
                out.collect(alone.withStory(alone.documentId(), null, 1));
            }
            pending.clear();
        }
    }
}
