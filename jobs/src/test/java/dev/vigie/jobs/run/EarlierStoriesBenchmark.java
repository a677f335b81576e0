package dev.vigie.jobs.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigie.connectors.mention.Author;
import dev.vigie.connectors.mention.Engagement;
import dev.vigie.connectors.mention.Mention;
import dev.vigie.connectors.mention.Source;
import dev.vigie.connectors.mention.SourceType;
import dev.vigie.dashboards.IndexTemplates;
import dev.vigie.dashboards.testing.ElasticsearchExtension;
import dev.vigie.jobs.sink.ElasticsearchEndpoint;
import dev.vigie.jobs.sink.EsDocument;
import dev.vigie.nlp.dedup.StoryClusterer;
import dev.vigie.nlp.dedup.StorySignature;
import dev.vigie.nlp.dedup.StorySigner;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.apache.http.entity.ContentType;
import org.apache.http.nio.entity.NByteArrayEntity;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.Response;
import org.elasticsearch.client.RestClient;

/**
 * What the story stage's look-up of earlier copies costs when the watch already has many mentions in
 * {@code vigie-mentions}: the cost that grows with the index, which {@code StoryStageBenchmark} (a first run) does
 * not see. Indexes {@code EARLIER} mentions of one watch (as the sink writes them: band keys and signature),
 * published over the last 13 days, then, for {@code ROUNDS} rounds, takes a new batch of {@code BATCH} mentions of
 * which a share are copies of earlier ones, and times {@link EarlierStories#find} (wall and CPU of this thread;
 * Elasticsearch's own CPU is on the same machine) and the clustering of the batch against what it found. Prints how
 * many earlier copies were found (every copy's original should be) and how many requests it took, beside the same
 * batch for a watch with nothing indexed.
 *
 * <pre>
 * jobs/bench/earlier-stories-benchmark.sh [EARLIER [BATCH [COPY_SHARE [ROUNDS]]]]   # 200000 10000 0.3 3
 * </pre>
 */
public final class EarlierStoriesBenchmark {

    private static final StorySigner SIGNER = StorySigner.create();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int WORDS = 30;
    private static final int BULK = 2_000;

    private EarlierStoriesBenchmark() {}

    public static void main(String[] args) throws Exception {
        int earlier = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int batch = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        double share = args.length > 2 ? Double.parseDouble(args[2]) : 0.3;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        String es = ElasticsearchExtension.url().toString();
        String watch = "bench-earlier-" + Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
        Instant now = Instant.now();
        System.out.printf(
                Locale.ROOT,
                "Earlier copies look-up: %,d earlier mentions of watch %s, batches of %,d with %.0f %%"
                        + " copies of earlier ones, Elasticsearch %s, load average %s%n",
                earlier,
                watch,
                batch,
                100 * share,
                es,
                StoryStageBenchmark.loadAverage());
        try (ElasticsearchEndpoint.Clients clients =
                ElasticsearchEndpoint.of(es).clients()) {
            IndexTemplates.installAll(clients.sync());
            long start = System.nanoTime();
            index(clients.rest(), watch, earlier, now);
            JsonNode stats = JSON.readTree(clients.rest()
                    .performRequest(new Request("GET", "/" + MentionDocuments.INDEX + "/_stats/docs,store"))
                    .getEntity()
                    .getContent());
            System.out.printf(
                    Locale.ROOT,
                    "indexed %,d earlier mentions in %.1f s; %s now %,d documents, %.0f MB%n",
                    earlier,
                    (System.nanoTime() - start) / 1e9,
                    MentionDocuments.INDEX,
                    stats.at("/_all/primaries/docs/count").asLong(),
                    stats.at("/_all/primaries/store/size_in_bytes").asLong() / 1e6);

            EarlierStories stories = new EarlierStories(clients.sync(), SIGNER, Duration.ofMinutes(1));
            ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
            System.out.printf(
                    Locale.ROOT,
                    "%-26s %9s %9s %9s %10s %14s %12s%n",
                    "",
                    "look-up s",
                    "CPU s",
                    "requests",
                    "found",
                    "copies joined",
                    "cluster s");
            System.out.println(
                    "(look-up: wall time of the requests, CPU of this thread; copies joined: new copies given their"
                            + " earlier story's id)");
            for (int r = 1; r <= rounds; r++) {
                Random rnd = new Random(r);
                List<StoryClusterer.Item> items = new ArrayList<>(batch);
                Set<String> copiedStories = new HashSet<>();
                int copies = 0;
                for (int i = 0; i < batch; i++) {
                    String text;
                    if (rnd.nextDouble() < share) {
                        int story = rnd.nextInt(earlier);
                        copiedStories.add("story-" + story);
                        copies++;
                        text = StoryStageBenchmark.copy(StoryStageBenchmark.original(story, WORDS), rnd);
                    } else {
                        text = StoryStageBenchmark.original(earlier + r * batch + i, WORDS);
                    }
                    StorySignature signature = SIGNER.sign(text);
                    if (signature.isComparable()) {
                        items.add(new StoryClusterer.Item("new-" + r + "-" + i, now.toEpochMilli() + i, signature));
                    }
                }
                for (String name : List.of(watch, watch + "-empty")) {
                    long wall = System.nanoTime();
                    long thread = cpu.getCurrentThreadCpuTime();
                    EarlierStories.Lookup lookup = stories.find(
                            name,
                            items.stream().map(StoryClusterer.Item::signature).toList(),
                            now.minus(AssignStories.DEFAULT_WINDOW));
                    double lookupS = (System.nanoTime() - wall) / 1e9;
                    double cpuS = (cpu.getCurrentThreadCpuTime() - thread) / 1e9;
                    long cluster = System.nanoTime();
                    StoryClusterer clusterer = new StoryClusterer(SIGNER);
                    for (EarlierStories.Found found : lookup.found()) {
                        clusterer.remember(new StoryClusterer.Earlier(
                                found.id(), found.storyId(), found.publishedAt().toEpochMilli(), found.signature()));
                    }
                    long joined = clusterer.assign(items).stream()
                            .filter(a -> copiedStories.contains(a.storyId()))
                            .count();
                    double clusterS = (System.nanoTime() - cluster) / 1e9;
                    System.out.printf(
                            Locale.ROOT,
                            "%-26s %9.2f %9.2f %9d %10d %8d of %,d %10.2f%n",
                            "round " + r + (name.equals(watch) ? ", indexed watch" : ", empty watch"),
                            lookupS,
                            cpuS,
                            lookup.requests(),
                            lookup.found().size(),
                            joined,
                            copies,
                            clusterS);
                }
            }
        }
        System.out.printf(Locale.ROOT, "load average %s%n", StoryStageBenchmark.loadAverage());
        System.exit(0);
    }

    /** The earlier mentions, one story each, as the sink indexes them, published over the 13 days before now. */
    static void index(RestClient rest, String watch, int n, Instant now) throws Exception {
        MentionDocuments documents = new MentionDocuments();
        long span = Duration.ofDays(13).toMillis();
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < n; i++) {
            String text = StoryStageBenchmark.original(i, WORDS);
            Instant published = now.minusMillis(span - span * i / n);
            Mention m = new Mention(
                    "earlier:" + i,
                    new Source(
                            SourceType.FEED,
                            "outlet-" + (i % 500),
                            "https://outlet-" + (i % 500) + ".example/rss",
                            null),
                    "https://outlet-" + (i % 500) + ".example/" + i,
                    null,
                    text,
                    Author.UNKNOWN,
                    published,
                    false,
                    published,
                    "en",
                    Engagement.NONE,
                    null);
            StorySignature signature = SIGNER.sign(text);
            EsDocument doc = documents.toDocument(new EnrichedMention(
                    watch,
                    "feed:" + (i % 500),
                    m,
                    "en",
                    "neutral",
                    0.0,
                    List.of(),
                    0.5,
                    List.of(),
                    signature.isComparable() ? signature : null,
                    "story-" + i,
                    null,
                    List.of(),
                    1));
            body.append("{\"index\":{\"_index\":\"")
                    .append(doc.index())
                    .append("\",\"_id\":\"")
                    .append(doc.id())
                    .append("\"}}\n")
                    .append(doc.source())
                    .append('\n');
            if ((i + 1) % BULK == 0 || i == n - 1) {
                Request bulk = new Request("POST", "/_bulk");
                bulk.setEntity(new NByteArrayEntity(
                        body.toString().getBytes(StandardCharsets.UTF_8), ContentType.create("application/x-ndjson")));
                Response response = rest.performRequest(bulk);
                JsonNode answer = JSON.readTree(response.getEntity().getContent());
                if (answer.path("errors").asBoolean()) {
                    throw new IllegalStateException(
                            "bulk errors: " + answer.toString().substring(0, 500));
                }
                body.setLength(0);
            }
        }
        rest.performRequest(new Request("POST", "/" + MentionDocuments.INDEX + "/_refresh"));
    }
}
