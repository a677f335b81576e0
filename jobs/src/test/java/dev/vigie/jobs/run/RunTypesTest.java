package dev.vigie.jobs.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigie.connectors.mention.Author;
import dev.vigie.connectors.mention.Engagement;
import dev.vigie.connectors.mention.Mention;
import dev.vigie.connectors.mention.Source;
import dev.vigie.connectors.mention.SourceType;
import dev.vigie.jobs.mail.AlertHit;
import dev.vigie.jobs.run.internal.RecordTypeInfo;
import dev.vigie.jobs.sink.ElasticsearchEndpoint;
import dev.vigie.jobs.sink.EsDocument;
import dev.vigie.jobs.state.SourceState;
import dev.vigie.jobs.watch.AlertRuleSpec;
import dev.vigie.jobs.watch.Brand;
import dev.vigie.jobs.watch.Frequency;
import dev.vigie.jobs.watch.SentimentFilter;
import dev.vigie.jobs.watch.Watch;
import dev.vigie.nlp.dedup.StorySigner;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.java.typeutils.runtime.kryo.JavaSerializer;
import org.apache.flink.api.java.typeutils.runtime.kryo.KryoSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.flink.streaming.api.graph.StreamNode;
import org.junit.jupiter.api.Test;

/**
 * The records crossing the run job's stages go through the serializers written for them, come back equal, and no edge
 * of the job falls back to Kryo or Java serialization.
 */
class RunTypesTest {

    private static final Instant PUBLISHED = Instant.parse("2026-11-30T08:00:00.123456789Z");
    private static final Instant FETCHED = Instant.parse("2026-11-30T08:05:00Z");

    private static final Mention FULL = new Mention(
            "mastodon:mastodon.social:1130",
            new Source(SourceType.MASTODON, "mastodon.social", "https://mastodon.social", "#acme on mastodon.social"),
            "https://mastodon.social/@a/1",
            "A title",
            "Acme suffered a major outage on Monday morning, customers said. " + "é😀".repeat(40_000),
            new Author("Alice", "alice@mastodon.social", 1_200L),
            PUBLISHED,
            false,
            FETCHED,
            "en",
            new Engagement(3L, 1L, 0L, 42L),
            1_200L);
    private static final Mention BARE = new Mention(
            "url:abc",
            Source.feed(null, "https://news.example/feed.xml"),
            "https://news.example/1",
            null,
            "",
            null,
            PUBLISHED,
            true,
            FETCHED,
            null,
            null,
            null);

    @Test
    void collectedMentionsRoundTripWithEveryFieldAndWithout() throws Exception {
        roundTrips(
                RunTypes.COLLECTED,
                new Collected("acme", "mastodon #acme", FULL, null),
                new Collected("acme", "feed news", BARE, "Globex"));
    }

    @Test
    void enrichedMentionsRoundTripWithTheirStorySignature() throws Exception {
        var signature = StorySigner.create().sign(FULL.text());
        EnrichedMention full = new EnrichedMention(
                "acme",
                "mastodon #acme",
                FULL,
                "en",
                "negative",
                -0.75,
                List.of("support", "pricing"),
                0.61,
                List.of("Acme", "Globex"),
                signature,
                "acme:url:0",
                "acme:url:0",
                List.of("crisis"),
                3,
                "acme:event:url:0",
                List.of("n:acme", "num:12000"));
        EnrichedMention bare = new EnrichedMention(
                "acme", null, BARE, "unknown", null, null, null, null, null, null, null, null, null, 1);
        EnrichedMention back = roundTrips(RunTypes.ENRICHED_MENTION, full, bare).get(0);
        assertThat(back.signature().bandKeys()).isEqualTo(signature.bandKeys());
        assertThat(back.signature().toBytes()).isEqualTo(signature.toBytes());
        assertThat(back.eventId()).isEqualTo("acme:event:url:0");
        assertThat(back.eventKeys()).containsExactly("n:acme", "num:12000");
    }

    @Test
    void sourceTasksOfEveryKindRoundTrip() throws Exception {
        SourceRef ref = new SourceRef("acme", "reddit", "acme in r/marketing", "https://r.example");
        SourceState state = SourceState.EMPTY
                .withSeen(List.of("reddit:t3_1", "reddit:t3_2"))
                .withCursor("t3_2")
                .withValidators("\"etag\"", "Mon, 30 Nov 2026 08:00:00 GMT")
                .withSnapshot("the page");
        URI api = URI.create("https://api.example/x?q=acme");
        roundTrips(
                RunTypes.SOURCE_TASK,
                new SourceTask(ref, new SourceSpec.Feed(URI.create("https://news.example/feed.xml"), null), null),
                new SourceTask(ref, new SourceSpec.Feed(URI.create("https://globex.example/feed"), "Globex"), state),
                new SourceTask(ref, new SourceSpec.Mastodon(api, "acme", null), state),
                new SourceTask(ref, new SourceSpec.Mastodon(api, null, "acme cloud"), state),
                new SourceTask(ref, new SourceSpec.Bluesky(api, "acme"), state),
                new SourceTask(ref, new SourceSpec.Reddit(api, "acme", "marketing"), state),
                new SourceTask(ref, new SourceSpec.Reddit(api, "acme", null), state),
                new SourceTask(ref, new SourceSpec.HackerNews(api, "acme"), state),
                new SourceTask(
                        ref,
                        new SourceSpec.Page(
                                "Globex",
                                URI.create("https://globex.example/pricing"),
                                "main",
                                "",
                                List.of("\\d+ visitors")),
                        state));
    }

    @Test
    void sourceOutcomesAndReportsRoundTrip() throws Exception {
        SourceRef ref = new SourceRef("acme", "feed", "News", "https://news.example/feed.xml");
        SourceReport failed =
                new SourceReport(ref, SourceStatus.FAILED, "HTTP 503", 0, 0, 0, PUBLISHED, 12, SourceState.EMPTY);
        SourceReport fresh = new SourceReport(
                ref, SourceStatus.NEW, null, 2, 2, 0, FETCHED, 340, SourceState.EMPTY.withSeen(List.of("url:abc")));
        roundTrips(RunTypes.SOURCE_REPORT, failed, fresh);
        roundTrips(
                RunTypes.SOURCE_OUTCOME,
                new SourceOutcome(failed, List.of(), List.of()),
                new SourceOutcome(
                        fresh,
                        List.of(
                                new Collected("acme", ref.key(), FULL, null),
                                new Collected("acme", ref.key(), BARE, null)),
                        List.of(new PageChangeDocument("acme:page:1", "{\"diff\":\"+ 20 %\"}"))));
    }

    @Test
    void documentsAndAlertHitsRoundTrip() throws Exception {
        roundTrips(RunTypes.ES_DOCUMENT, new EsDocument("vigie-mentions", "acme:url:1", "{\"text\":\"é\"}"));
        roundTrips(RunTypes.PAGE_CHANGE, new PageChangeDocument("acme:page:1", "{}"));
        roundTrips(
                RunTypes.ALERT_HIT,
                new AlertHit(
                        "acme",
                        "crisis",
                        "acme:url:1",
                        "Outage",
                        "https://news.example/1",
                        "News",
                        PUBLISHED,
                        "en",
                        "negative",
                        FULL.text(),
                        List.of("acme", "outage"),
                        2),
                new AlertHit("acme", "crisis", "acme:url:2", null, null, null, null, null, null, null, List.of(), 1),
                new AlertHit(
                        "acme",
                        "spike",
                        "spike-volume-2026-11-25T01:00:00Z",
                        "Spike",
                        "",
                        "",
                        PUBLISHED,
                        "en",
                        "",
                        "causes",
                        List.of(),
                        1,
                        new dev.vigie.jobs.spike.SpikeReport(
                                dev.vigie.jobs.watch.SpikeKind.VOLUME,
                                PUBLISHED,
                                PUBLISHED,
                                PUBLISHED,
                                9,
                                0.5,
                                4,
                                2,
                                List.of(new dev.vigie.jobs.spike.SpikeReport.Story(
                                        "ev", "Outage", "https://n.example/1", 9, List.of("Wire"))),
                                List.of(),
                                List.of(),
                                List.of())));
    }

    /**
     * The components each hand-written serializer writes, in order. A record that gains a component (another
     * field of a mention, of a report) fails here until its serializer writes it too: a serializer that silently
     * dropped a field would change what gets indexed.
     */
    @Test
    void theSerializersWriteEveryComponentOfTheirRecords() {
        Map<Class<? extends Record>, List<String>> written = new LinkedHashMap<>();
        written.put(
                Mention.class,
                List.of(
                        "id",
                        "source",
                        "url",
                        "title",
                        "text",
                        "author",
                        "publishedAt",
                        "publishedEstimated",
                        "fetchedAt",
                        "lang",
                        "engagement",
                        "reach"));
        written.put(Source.class, List.of("type", "name", "url", "search"));
        written.put(Author.class, List.of("name", "handle", "followers"));
        written.put(Engagement.class, List.of("likes", "shares", "comments", "score"));
        written.put(SourceState.class, List.of("etag", "lastModified", "cursor", "snapshot", "seenIds"));
        written.put(SourceRef.class, List.of("watch", "type", "name", "url"));
        written.put(SourceTask.class, List.of("ref", "spec", "state"));
        written.put(SourceSpec.Feed.class, List.of("url", "competitor"));
        written.put(SourceSpec.Mastodon.class, List.of("instance", "hashtag", "query"));
        written.put(SourceSpec.Bluesky.class, List.of("api", "query"));
        written.put(SourceSpec.Reddit.class, List.of("api", "query", "subreddit"));
        written.put(SourceSpec.HackerNews.class, List.of("api", "query"));
        written.put(SourceSpec.Page.class, List.of("competitor", "url", "select", "ignore", "noise"));
        written.put(
                SourceReport.class,
                List.of(
                        "ref",
                        "status",
                        "reason",
                        "fetched",
                        "fresh",
                        "unchanged",
                        "startedAt",
                        "durationMs",
                        "state"));
        written.put(SourceOutcome.class, List.of("report", "mentions", "pageChanges"));
        written.put(Collected.class, List.of("watch", "sourceKey", "mention", "competitor"));
        written.put(
                EnrichedMention.class,
                List.of(
                        "watch",
                        "sourceKey",
                        "mention",
                        "lang",
                        "sentimentLabel",
                        "sentimentScore",
                        "themes",
                        "curationScore",
                        "brands",
                        "signature",
                        "storyId",
                        "duplicateOf",
                        "alerts",
                        "storySources",
                        "eventId",
                        "eventKeys"));
        written.put(PageChangeDocument.class, List.of("id", "json"));
        written.put(EsDocument.class, List.of("index", "id", "source"));
        written.put(
                AlertHit.class,
                List.of(
                        "watch",
                        "rule",
                        "mentionId",
                        "title",
                        "url",
                        "source",
                        "publishedAt",
                        "lang",
                        "sentiment",
                        "text",
                        "matchedTerms",
                        "storySources",
                        "spike"));
        written.forEach((type, components) -> assertThat(Arrays.stream(type.getRecordComponents())
                        .map(RecordComponent::getName)
                        .toList())
                .as("components of %s: update its serializer in RunTypes", type.getSimpleName())
                .isEqualTo(components));
        assertThat(SourceSpec.class.getPermittedSubclasses())
                .as("kinds of source spec written by RunTypes")
                .hasSize(6);
    }

    @Test
    void noEdgeOfTheRunJobFallsBackToKryoOrJavaSerialization() {
        Watch watch = Watch.builder("acme", new Brand("Acme", List.of()))
                .alert(new AlertRuleSpec(
                        "crisis", "acme AND outage", List.of(), SentimentFilter.ANY, List.of(), Frequency.RUN))
                .build();
        RunOptions options = RunOptions.builder()
                .watch(watch)
                .elasticsearch(ElasticsearchEndpoint.of("http://127.0.0.1:9200"))
                .parallelism(2)
                .build();
        StreamGraph graph = RunGraph.graphOfFetched(3, List.of(watch), options);

        assertThat(graph.getExecutionConfig().getSerializerConfig().hasGenericTypesDisabled())
                .isTrue();
        List<String> edges = new ArrayList<>();
        for (StreamNode node : graph.getStreamNodes()) {
            List<TypeSerializer<?>> serializers = new ArrayList<>(List.of(node.getTypeSerializersIn()));
            if (node.getTypeSerializerOut() != null) {
                serializers.add(node.getTypeSerializerOut());
            }
            for (TypeSerializer<?> serializer : serializers) {
                assertThat(serializer)
                        .as(node.getOperatorName())
                        .isNotInstanceOf(KryoSerializer.class)
                        .isNotInstanceOf(JavaSerializer.class);
                edges.add(node.getOperatorName() + ": " + serializer.getClass().getSimpleName());
            }
        }
        assertThat(edges)
                .contains(
                        "enrich: EnrichedMentionSerializer",
                        "alert matching: EnrichedMentionSerializer",
                        "normalise: CollectedSerializer");
    }

    @SafeVarargs
    private static <T> List<T> roundTrips(RecordTypeInfo<T> info, T... values) throws Exception {
        TypeSerializer<T> serializer = info.createSerializer(new SerializerConfigImpl());
        assertThat(serializer).isNotInstanceOf(KryoSerializer.class).isNotInstanceOf(JavaSerializer.class);
        DataOutputSerializer out = new DataOutputSerializer(256);
        for (T value : values) {
            serializer.serialize(value, out);
        }
        // the copy between views (Flink's spilling and sorting) keeps the bytes readable
        DataOutputSerializer copied = new DataOutputSerializer(256);
        DataInputDeserializer source = new DataInputDeserializer(out.getCopyOfBuffer());
        for (T ignored : values) {
            serializer.copy(source, copied);
        }
        DataInputDeserializer in = new DataInputDeserializer(copied.getCopyOfBuffer());
        List<T> back = new ArrayList<>();
        for (T value : values) {
            T read = serializer.deserialize(in);
            assertThat(read).isEqualTo(value);
            back.add(read);
        }
        assertThat(in.available()).isZero();

        TypeSerializerSnapshot<T> snapshot = serializer.snapshotConfiguration();
        DataOutputSerializer snapshotOut = new DataOutputSerializer(64);
        TypeSerializerSnapshot.writeVersionedSnapshot(snapshotOut, snapshot);
        TypeSerializerSnapshot<T> restored = TypeSerializerSnapshot.readVersionedSnapshot(
                new DataInputDeserializer(snapshotOut.getCopyOfBuffer()), RunTypesTest.class.getClassLoader());
        assertThat(restored.restoreSerializer()).isEqualTo(serializer);
        return back;
    }
}
