package dev.vigie.jobs.run;

import dev.vigie.dashboards.fields.MentionFields;
import dev.vigie.jobs.sink.ElasticsearchEndpoint;
import dev.vigie.jobs.watch.Watch;
import dev.vigie.nlp.dedup.StoryClusterer;
import dev.vigie.nlp.dedup.StorySigner;
import dev.vigie.nlp.event.EventClusterer;
import java.io.IOException;
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
    /** How far back event stories of earlier runs are looked for: an event story lives days, not weeks. */
    static final Duration EVENT_WINDOW = Duration.ofMillis(EventClusterer.DEFAULT_WINDOW_MILLIS);
    /** Earlier mentions read back for the event stage at most (the most recent): bounds a busy watch's cost. */
    static final int MAX_EARLIER_EVENTS = 10_000;

    private static final Logger LOG = LoggerFactory.getLogger(AssignStories.class);

    private final ElasticsearchEndpoint elasticsearch;
    private final Duration window;
    private final Duration maxRetry;
    private final HashMap<String, String> languages;
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
        this(elasticsearch, window, maxRetry, Map.of());
    }

    /**
     * @param languages each watch's language: its event stories are titled in it where they can be
     */
    AssignStories(
            ElasticsearchEndpoint elasticsearch, Duration window, Duration maxRetry, Map<String, String> languages) {
        if (elasticsearch == null
                || window == null
                || window.isNegative()
                || maxRetry == null
                || maxRetry.isNegative()) {
            throw new IllegalArgumentException("story stage needs an Elasticsearch endpoint, a window and a retry"
                    + " duration that are not negative: " + elasticsearch + ", " + window + ", " + maxRetry);
        }
        this.elasticsearch = elasticsearch;
        this.window = window;
        this.maxRetry = maxRetry;
        this.languages = new HashMap<>(languages);
    }

    /**
     * The story stage of the run graph: story items of the enriched mentions, keyed by watch, to assignments, which
     * are broadcast to the mentions ({@link JoinStories}).
     *
     * @return the mentions with their story
     */
    static SingleOutputStreamOperator<EnrichedMention> stage(
            DataStream<EnrichedMention> enriched,
            ElasticsearchEndpoint elasticsearch,
            Duration maxRetry,
            List<Watch> watches) {
        EventKeys eventKeys = new EventKeys(watches);
        Map<String, String> languages = new HashMap<>();
        watches.forEach(w -> languages.put(w.id(), w.language().code()));
        DataStream<StoryAssignment> assignments = enriched.flatMap(
                        (EnrichedMention mention, Collector<StoryItem> out) -> {
                            StoryItem item = StoryItem.of(mention, eventKeys);
                            if (item != null) {
                                out.collect(item);
                            }
                        },
                        TypeInformation.of(StoryItem.class))
                .name("story signatures")
                .keyBy(StoryItem::watch, Types.STRING)
                .process(
                        new AssignStories(elasticsearch, DEFAULT_WINDOW, maxRetry, languages),
                        TypeInformation.of(StoryAssignment.class))
                .name("stories");
        return enriched.connect(assignments.broadcast(JoinStories.ASSIGNMENTS))
                .process(new JoinStories(eventKeys), RunTypes.ENRICHED_MENTION)
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
        EarlierStories.Lookup lookup = earlierStories.find(
                watch,
                byId.values().stream().map(StoryClusterer.Item::signature).toList(),
                Instant.ofEpochMilli(pending.earliest).minus(window));

        StoryClusterer clusterer = new StoryClusterer(signer);
        List<StoryAssignment> assigned = new ArrayList<>(byId.size());
        Set<String> earlierStoryIds = new HashSet<>();
        Set<String> pinned = new HashSet<>();
        for (EarlierStories.Found found : lookup.found()) {
            clusterer.remember(new StoryClusterer.Earlier(
                    found.id(), found.storyId(), found.publishedAt().toEpochMilli(), found.signature()));
            earlierStoryIds.add(found.storyId());
            if (byId.containsKey(found.id())) {
                // indexed by an earlier (killed or overlapping) run: its story id never changes
                pinned.add(found.id());
                assigned.add(new StoryAssignment(found.id(), found.storyId(), found.duplicateOf(), 1, found.id()));
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
            assigned.add(new StoryAssignment(a.id(), a.storyId(), a.duplicateOf(), 1, a.id()));
            if (earlierStoryIds.contains(a.storyId())) {
                joinedEarlier++;
            } else if (a.duplicateOf() != null) {
                joinedThisRun++;
            }
        }

        Map<String, StoryAssignment> byDocument = new HashMap<>();
        for (StoryAssignment a : assigned) {
            byDocument.put(a.documentId(), a);
        }
        Set<String> earlierEvents = new HashSet<>();
        Map<String, String> eventOf = events(watch, pending, byDocument, earlierEvents);

        Map<String, Set<String>> sources = new HashMap<>();
        Set<String> continued = new HashSet<>();
        for (String id : sourceOf.keySet()) {
            String event = eventOf.get(id);
            sources.computeIfAbsent(event, s -> new HashSet<>()).add(sourceOf.get(id));
            if (earlierEvents.contains(event)) {
                continued.add(event); // earlier runs indexed some of it
            }
        }
        earlierStories
                .sourcesOf(watch, MentionFields.EVENT_ID, continued)
                .forEach((event, names) -> sources.get(event).addAll(names));
        int emitted = 0;
        for (String id : sourceOf.keySet()) {
            StoryAssignment a = byDocument.getOrDefault(id, new StoryAssignment(id, id, null, 1, id));
            String event = eventOf.get(id);
            int eventSources = sources.get(event).size();
            // a mention alone in its story and its event needs no assignment: JoinStories gives it those by default
            if (!a.storyId().equals(id) || a.duplicateOf() != null || eventSources > 1 || !event.equals(id)) {
                out.collect(new StoryAssignment(id, a.storyId(), a.duplicateOf(), eventSources, event));
                emitted++;
            }
        }
        LOG.info(
                "Stories of watch {}: {} mentions, {} joined a copy of this run, {} a story of an earlier run ({}"
                        + " kept theirs), {} in stories or events of several; {} earlier mentions compared ({}"
                        + " unreadable), {} requests, {} ms",
                watch,
                sourceOf.size(),
                joinedThisRun,
                joinedEarlier,
                pinned.size(),
                emitted,
                lookup.found().size(),
                lookup.unreadable(),
                lookup.requests(),
                (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * The event story of every mention of the batch ({@link EventClusterer}), continuing those of earlier runs that
     * share an event key with it; a mention indexed before keeps its event.
     */
    private Map<String, String> events(
            String watch, Batch pending, Map<String, StoryAssignment> stories, Set<String> earlierEvents)
            throws IOException {
        long start = System.nanoTime();
        Set<String> keys = new HashSet<>();
        for (StoryItem item : pending.eventItems) {
            keys.addAll(List.of(item.eventKeys()));
        }
        EarlierStories.EventLookup lookup = earlierStories.findEvents(
                watch, keys, Instant.ofEpochMilli(pending.earliest).minus(EVENT_WINDOW), MAX_EARLIER_EVENTS);
        EventClusterer clusterer = EventClusterer.builder()
                .preferredLanguage(languages.getOrDefault(watch, ""))
                .build();
        Map<String, String> eventOf = new HashMap<>();
        for (EarlierStories.FoundEvent f : lookup.found()) {
            earlierEvents.add(f.eventId());
            if (pending.sources.containsKey(f.id())) {
                eventOf.put(f.id(), f.eventId()); // indexed by an earlier run: its event never changes
            } else {
                clusterer.remember(new EventClusterer.Earlier(
                        new EventClusterer.Item(
                                f.id(),
                                f.publishedAt().toEpochMilli(),
                                f.lang(),
                                f.sourceName(),
                                f.title(),
                                f.keys(),
                                f.storyId()),
                        f.eventId()));
            }
        }
        List<EventClusterer.Item> batch = new ArrayList<>();
        for (StoryItem item : pending.eventItems) {
            if (!eventOf.containsKey(item.documentId())) {
                StoryAssignment story = stories.get(item.documentId());
                batch.add(new EventClusterer.Item(
                        item.documentId(),
                        item.publishedAtMillis(),
                        item.lang(),
                        item.sourceName(),
                        item.title(),
                        List.of(item.eventKeys()),
                        story == null ? item.documentId() : story.storyId()));
            }
        }
        int joined = 0;
        for (EventClusterer.Assignment a : clusterer.assign(batch)) {
            eventOf.put(a.id(), a.eventId());
            if (!a.eventId().equals(a.id())) {
                joined++;
            }
        }
        LOG.info(
                "Event stories of watch {}: {} mentions, {} joined an event, {} earlier mentions read back{}, {}"
                        + " requests, {} comparisons, {} ms",
                watch,
                batch.size(),
                joined,
                lookup.found().size(),
                lookup.capped() ? " (capped)" : "",
                lookup.requests(),
                clusterer.comparisons(),
                (System.nanoTime() - start) / 1_000_000);
        return eventOf;
    }

    /** The story items of one watch, decoded. */
    private static final class Batch {
        /** Items comparable with near-copies. */
        final Map<String, StoryClusterer.Item> items = new HashMap<>();
        /** Every item's source: every item has an event story. */
        final Map<String, String> sources = new HashMap<>();
        /** Every item, with its event keys (the signature bytes dropped). */
        final List<StoryItem> eventItems = new ArrayList<>();

        long earliest = Long.MAX_VALUE;

        void add(StoryItem item, StorySigner signer) {
            if (item.hasSignature()) {
                items.put(
                        item.documentId(),
                        new StoryClusterer.Item(
                                item.documentId(), item.publishedAtMillis(), signer.fromBytes(item.signature())));
            }
            sources.put(item.documentId(), item.sourceName());
            eventItems.add(new StoryItem(
                    item.watch(),
                    item.documentId(),
                    item.publishedAtMillis(),
                    item.sourceName(),
                    new byte[0],
                    item.lang(),
                    item.title(),
                    item.eventKeys()));
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
