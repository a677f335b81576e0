package dev.vigie.jobs.run;

import dev.vigie.jobs.sink.ElasticsearchEndpoint;
import dev.vigie.nlp.dedup.StoryClusterer;
import dev.vigie.nlp.dedup.StorySigner;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives every comparable mention of a watch its story: syndicated copies and near-duplicates share the id of the
 * earliest copy ({@link StoryClusterer}: LSH band keys, then a similarity check), also across runs. Keyed by watch;
 * in BATCH mode the timer fires once all the watch's {@link StoryItem}s have arrived. Only those light items meet in
 * the watch's subtask; the mentions themselves get their {@link StoryAssignment} where they are ({@link JoinStories}).
 *
 * <p>Across runs: the mentions indexed in the {@link #DEFAULT_WINDOW window} before the batch that share a band key
 * with it are read back from Elasticsearch ({@link EarlierStories}) with their story id and signature; a new copy of
 * one joins its story, and a mention indexed before (a rerun after a killed run) keeps the story it was given. The
 * number of sources of a story counts the earlier runs' sources too.
 */
final class AssignStories extends KeyedProcessFunction<String, StoryItem, StoryAssignment> {

    /** How far back, before the earliest mention of the batch, earlier copies are looked for. */
    static final Duration DEFAULT_WINDOW = Duration.ofDays(14);

    private static final Logger LOG = LoggerFactory.getLogger(AssignStories.class);

    private final ElasticsearchEndpoint elasticsearch;
    private final Duration window;
    private final Duration maxRetry;
    /**
     * The items of each watch, decoded as they arrive (the bytes are dropped at once). Plain fields rather than Flink
     * state on purpose: in BATCH mode a key's records all arrive before its timer fires, so this holds one watch at a
     * time, and a failed task starts again from its input.
     */
    private transient Map<String, Batch> batches;
    private transient StorySigner signer;
    private transient ElasticsearchEndpoint.Clients clients;
    private transient EarlierStories earlierStories;

    /**
     * @param elasticsearch where earlier mentions are indexed
     * @param window        how far back before the batch's earliest mention to look for earlier copies
     * @param maxRetry      how long Elasticsearch may fail before the stage (and the run) fails
     */
    AssignStories(ElasticsearchEndpoint elasticsearch, Duration window, Duration maxRetry) {
        if (elasticsearch == null || window == null || window.isNegative() || maxRetry == null
                || maxRetry.isNegative()) {
            throw new IllegalArgumentException("story stage needs an Elasticsearch endpoint, a window and a retry"
                    + " duration that are not negative: " + elasticsearch + ", " + window + ", " + maxRetry);
        }
        this.elasticsearch = elasticsearch;
        this.window = window;
        this.maxRetry = maxRetry;
    }

    /**
     * The story stage of the run graph: story items of the enriched mentions, keyed by watch, to assignments, which
     * are broadcast to the mentions ({@link JoinStories}).
     *
     * @return the mentions with their story
     */
    static SingleOutputStreamOperator<EnrichedMention> stage(DataStream<EnrichedMention> enriched,
            ElasticsearchEndpoint elasticsearch, Duration maxRetry) {
        DataStream<StoryAssignment> assignments = enriched
                .flatMap((EnrichedMention mention, Collector<StoryItem> out) -> {
                    StoryItem item = StoryItem.of(mention);
                    if (item != null) {
                        out.collect(item);
                    }
                }, TypeInformation.of(StoryItem.class))
                .name("story signatures")
                .keyBy(StoryItem::watch, Types.STRING)
                .process(new AssignStories(elasticsearch, DEFAULT_WINDOW, maxRetry),
                        TypeInformation.of(StoryAssignment.class))
                .name("stories");
        return enriched.connect(assignments.broadcast(JoinStories.ASSIGNMENTS))
                .process(new JoinStories(), RunTypes.ENRICHED_MENTION)
                .name("story of each mention");
    }

    @Override
    public void open(OpenContext context) {
        batches = new HashMap<>();
        signer = StorySigner.create();
        clients = elasticsearch.clients();
        earlierStories = new EarlierStories(clients.sync(), signer, maxRetry);
    }

    @Override
    public void processElement(StoryItem item, Context context, Collector<StoryAssignment> out) {
        batches.computeIfAbsent(context.getCurrentKey(), k -> new Batch()).add(item, signer);
        context.timerService().registerEventTimeTimer(Long.MAX_VALUE);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext context, Collector<StoryAssignment> out) throws Exception {
        String watch = context.getCurrentKey();
        long start = System.nanoTime();
        Batch pending = batches.remove(watch);
        Map<String, StoryClusterer.Item> byId = pending.items;
        Map<String, String> sourceOf = pending.sources;
        EarlierStories.Lookup lookup = earlierStories.find(watch,
                byId.values().stream().map(StoryClusterer.Item::signature).toList(),
                Instant.ofEpochMilli(pending.earliest).minus(window));

        StoryClusterer clusterer = new StoryClusterer(signer);
        List<StoryAssignment> assigned = new ArrayList<>(byId.size());
        Set<String> earlierStoryIds = new HashSet<>();
        Set<String> pinned = new HashSet<>();
        for (EarlierStories.Found found : lookup.found()) {
            clusterer.remember(new StoryClusterer.Earlier(found.id(), found.storyId(),
                    found.publishedAt().toEpochMilli(), found.signature()));
            earlierStoryIds.add(found.storyId());
            if (byId.containsKey(found.id())) {
                // indexed by an earlier (killed or overlapping) run: its story id never changes
                pinned.add(found.id());
                assigned.add(new StoryAssignment(found.id(), found.storyId(), found.duplicateOf(), 1));
            }
        }
        List<StoryClusterer.Item> batch = new ArrayList<>(byId.size() - pinned.size());
        for (StoryClusterer.Item item : byId.values()) {
            if (!pinned.contains(item.id())) {
                batch.add(item);
            }
        }
        int joinedThisRun = 0;
        int joinedEarlier = 0;
        for (StoryClusterer.Assignment a : clusterer.assign(batch)) {
            assigned.add(new StoryAssignment(a.id(), a.storyId(), a.duplicateOf(), 1));
            if (earlierStoryIds.contains(a.storyId())) {
                joinedEarlier++;
            } else if (a.duplicateOf() != null) {
                joinedThisRun++;
            }
        }

        Map<String, Set<String>> sources = new HashMap<>();
        Set<String> continued = new HashSet<>();
        for (StoryAssignment a : assigned) {
            sources.computeIfAbsent(a.storyId(), s -> new HashSet<>()).add(sourceOf.get(a.documentId()));
            if (earlierStoryIds.contains(a.storyId())) {
                continued.add(a.storyId());
            }
        }
        earlierStories.sourcesOf(watch, continued).forEach((story, names) -> sources.get(story).addAll(names));
        int emitted = 0;
        for (StoryAssignment a : assigned) {
            int storySources = sources.get(a.storyId()).size();
            // a mention alone in its story needs no assignment: JoinStories gives it that story by default
            if (!a.storyId().equals(a.documentId()) || a.duplicateOf() != null || storySources > 1) {
                out.collect(new StoryAssignment(a.documentId(), a.storyId(), a.duplicateOf(), storySources));
                emitted++;
            }
        }
        LOG.info("Stories of watch {}: {} mentions, {} joined a copy of this run, {} a story of an earlier run ({}"
                        + " kept theirs), {} in stories of several; {} earlier mentions compared ({} unreadable), {}"
                        + " requests, {} ms", watch, sourceOf.size(), joinedThisRun, joinedEarlier, pinned.size(),
                emitted, lookup.found().size(), lookup.unreadable(), lookup.requests(),
                (System.nanoTime() - start) / 1_000_000);
    }

    /** The story items of one watch, decoded. */
    private static final class Batch {
        final Map<String, StoryClusterer.Item> items = new HashMap<>();
        final Map<String, String> sources = new HashMap<>();
        long earliest = Long.MAX_VALUE;

        void add(StoryItem item, StorySigner signer) {
            items.put(item.documentId(), new StoryClusterer.Item(item.documentId(), item.publishedAtMillis(),
                    signer.fromBytes(item.signature())));
            sources.put(item.documentId(), item.sourceName());
            earliest = Math.min(earliest, item.publishedAtMillis());
        }
    }

    @Override
    public void close() throws Exception {
        if (clients != null) {
            clients.close();
        }
    }
}
