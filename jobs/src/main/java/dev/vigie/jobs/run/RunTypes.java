package dev.vigie.jobs.run;

import dev.vigie.connectors.mention.Author;
import dev.vigie.connectors.mention.Engagement;
import dev.vigie.connectors.mention.Mention;
import dev.vigie.connectors.mention.Source;
import dev.vigie.connectors.mention.SourceType;
import dev.vigie.jobs.mail.AlertHit;
import dev.vigie.jobs.run.internal.RecordSerializer;
import dev.vigie.jobs.run.internal.RecordTypeInfo;
import dev.vigie.jobs.sink.EsDocument;
import dev.vigie.jobs.state.SourceState;
import dev.vigie.nlp.dedup.StorySignature;
import dev.vigie.nlp.dedup.StorySigner;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * The Flink types of the records that cross the run job's stages, each with a serializer written for it (field by
 * field, see {@link RecordSerializer}): no record of the job goes through Kryo or Java serialization, and the job
 * refuses generic types altogether ({@link RunGraph}). {@link StoryItem} and {@link StoryAssignment} are plain records
 * that Flink's own record serializer carries.
 */
final class RunTypes {

    static final RecordTypeInfo<SourceTask> SOURCE_TASK =
            RecordTypeInfo.of(SourceTask.class, new SourceTaskSerializer());
    static final RecordTypeInfo<SourceOutcome> SOURCE_OUTCOME =
            RecordTypeInfo.of(SourceOutcome.class, new SourceOutcomeSerializer());
    static final RecordTypeInfo<SourceReport> SOURCE_REPORT =
            RecordTypeInfo.of(SourceReport.class, new SourceReportSerializer());
    static final RecordTypeInfo<Collected> COLLECTED = RecordTypeInfo.of(Collected.class, new CollectedSerializer());
    static final RecordTypeInfo<EnrichedMention> ENRICHED_MENTION =
            RecordTypeInfo.of(EnrichedMention.class, new EnrichedMentionSerializer());
    static final RecordTypeInfo<PageChangeDocument> PAGE_CHANGE =
            RecordTypeInfo.of(PageChangeDocument.class, new PageChangeSerializer());
    static final RecordTypeInfo<EsDocument> ES_DOCUMENT =
            RecordTypeInfo.of(EsDocument.class, new EsDocumentSerializer());
    static final RecordTypeInfo<AlertHit> ALERT_HIT = RecordTypeInfo.of(AlertHit.class, new AlertHitSerializer());

    /** Rebuilds story signatures from their MinHash values (the enrichment stage signs with the default signer). */
    private static final StorySigner SIGNER = StorySigner.create();

    private RunTypes() {}

    // --- field groups shared by several records ---

    private static void writeMention(DataOutputView out, Mention m) throws IOException {
        RecordSerializer.writeString(out, m.id());
        out.writeByte(m.source().type().ordinal());
        RecordSerializer.writeString(out, m.source().name());
        RecordSerializer.writeString(out, m.source().url());
        RecordSerializer.writeString(out, m.source().search());
        RecordSerializer.writeString(out, m.url());
        RecordSerializer.writeString(out, m.title());
        RecordSerializer.writeString(out, m.text());
        RecordSerializer.writeString(out, m.author().name());
        RecordSerializer.writeString(out, m.author().handle());
        RecordSerializer.writeLong(out, m.author().followers());
        RecordSerializer.writeInstant(out, m.publishedAt());
        out.writeBoolean(m.publishedEstimated());
        RecordSerializer.writeInstant(out, m.fetchedAt());
        RecordSerializer.writeString(out, m.lang());
        Engagement e = m.engagement();
        RecordSerializer.writeLong(out, e.likes());
        RecordSerializer.writeLong(out, e.shares());
        RecordSerializer.writeLong(out, e.comments());
        RecordSerializer.writeLong(out, e.score());
        RecordSerializer.writeLong(out, m.reach());
    }

    private static Mention readMention(DataInputView in) throws IOException {
        String id = RecordSerializer.readString(in);
        Source source = new Source(
                SourceType.values()[in.readByte()],
                RecordSerializer.readString(in),
                RecordSerializer.readString(in),
                RecordSerializer.readString(in));
        String url = RecordSerializer.readString(in);
        String title = RecordSerializer.readString(in);
        String text = RecordSerializer.readString(in);
        Author author = new Author(
                RecordSerializer.readString(in), RecordSerializer.readString(in), RecordSerializer.readLong(in));
        var publishedAt = RecordSerializer.readInstant(in);
        boolean estimated = in.readBoolean();
        var fetchedAt = RecordSerializer.readInstant(in);
        String lang = RecordSerializer.readString(in);
        Engagement engagement = new Engagement(
                RecordSerializer.readLong(in),
                RecordSerializer.readLong(in),
                RecordSerializer.readLong(in),
                RecordSerializer.readLong(in));
        return new Mention(
                id,
                source,
                url,
                title,
                text,
                author,
                publishedAt,
                estimated,
                fetchedAt,
                lang,
                engagement,
                RecordSerializer.readLong(in));
    }

    private static void writeState(DataOutputView out, SourceState s) throws IOException {
        RecordSerializer.writeString(out, s.etag());
        RecordSerializer.writeString(out, s.lastModified());
        RecordSerializer.writeString(out, s.cursor());
        RecordSerializer.writeString(out, s.snapshot());
        RecordSerializer.writeStrings(out, s.seenIds());
    }

    private static SourceState readState(DataInputView in) throws IOException {
        return new SourceState(
                RecordSerializer.readString(in),
                RecordSerializer.readString(in),
                RecordSerializer.readString(in),
                RecordSerializer.readString(in),
                RecordSerializer.readStrings(in));
    }

    private static void writeRef(DataOutputView out, SourceRef r) throws IOException {
        RecordSerializer.writeString(out, r.watch());
        RecordSerializer.writeString(out, r.type());
        RecordSerializer.writeString(out, r.name());
        RecordSerializer.writeString(out, r.url());
    }

    private static SourceRef readRef(DataInputView in) throws IOException {
        return new SourceRef(
                RecordSerializer.readString(in),
                RecordSerializer.readString(in),
                RecordSerializer.readString(in),
                RecordSerializer.readString(in));
    }

    private static void writeUri(DataOutputView out, URI uri) throws IOException {
        RecordSerializer.writeString(out, uri == null ? null : uri.toString());
    }

    private static URI readUri(DataInputView in) throws IOException {
        String uri = RecordSerializer.readString(in);
        return uri == null ? null : URI.create(uri);
    }

    // --- the serializers ---

    /** {@link SourceTask}: a source of a watch (on a Flink cluster, the job's input). */
    public static final class SourceTaskSerializer extends RecordSerializer<SourceTask> {
        private static final long serialVersionUID = 1L;
        private static final int FEED = 0;
        private static final int MASTODON = 1;
        private static final int BLUESKY = 2;
        private static final int REDDIT = 3;
        private static final int HACKER_NEWS = 4;
        private static final int PAGE = 5;

        @Override
        public void serialize(SourceTask task, DataOutputView out) throws IOException {
            writeRef(out, task.ref());
            SourceSpec spec = task.spec();
            if (spec instanceof SourceSpec.Feed f) {
                out.writeByte(FEED);
                writeUri(out, f.url());
                writeString(out, f.competitor());
            } else if (spec instanceof SourceSpec.Mastodon m) {
                out.writeByte(MASTODON);
                writeUri(out, m.instance());
                writeString(out, m.hashtag());
                writeString(out, m.query());
            } else if (spec instanceof SourceSpec.Bluesky b) {
                out.writeByte(BLUESKY);
                writeUri(out, b.api());
                writeString(out, b.query());
            } else if (spec instanceof SourceSpec.Reddit r) {
                out.writeByte(REDDIT);
                writeUri(out, r.api());
                writeString(out, r.query());
                writeString(out, r.subreddit());
            } else if (spec instanceof SourceSpec.HackerNews h) {
                out.writeByte(HACKER_NEWS);
                writeUri(out, h.api());
                writeString(out, h.query());
            } else if (spec instanceof SourceSpec.Page p) {
                out.writeByte(PAGE);
                writeString(out, p.competitor());
                writeUri(out, p.url());
                writeString(out, p.select());
                writeString(out, p.ignore());
                writeStrings(out, p.noise());
            } else {
                throw new IOException("no serializer for source spec " + spec);
            }
            writeState(out, task.state());
        }

        @Override
        public SourceTask deserialize(DataInputView in) throws IOException {
            SourceRef ref = readRef(in);
            int kind = in.readByte();
            SourceSpec spec = switch (kind) {
                case FEED -> new SourceSpec.Feed(readUri(in), readString(in));
                case MASTODON -> new SourceSpec.Mastodon(readUri(in), readString(in), readString(in));
                case BLUESKY -> new SourceSpec.Bluesky(readUri(in), readString(in));
                case REDDIT -> new SourceSpec.Reddit(readUri(in), readString(in), readString(in));
                case HACKER_NEWS -> new SourceSpec.HackerNews(readUri(in), readString(in));
                case PAGE ->
                    new SourceSpec.Page(readString(in), readUri(in), readString(in), readString(in), readStrings(in));
                default -> throw new IOException("unknown kind of source spec " + kind + " for " + ref);
            };
            return new SourceTask(ref, spec, readState(in));
        }

        @Override
        public TypeSerializerSnapshot<SourceTask> snapshotConfiguration() {
            return new SourceTaskSnapshot();
        }
    }

    /** {@link SourceReport}: what a source did. */
    public static final class SourceReportSerializer extends RecordSerializer<SourceReport> {
        private static final long serialVersionUID = 1L;

        @Override
        public void serialize(SourceReport r, DataOutputView out) throws IOException {
            writeRef(out, r.ref());
            out.writeByte(r.status().ordinal());
            writeString(out, r.reason());
            out.writeInt(r.fetched());
            out.writeInt(r.fresh());
            out.writeInt(r.unchanged());
            writeInstant(out, r.startedAt());
            out.writeLong(r.durationMs());
            writeState(out, r.state());
        }

        @Override
        public SourceReport deserialize(DataInputView in) throws IOException {
            return new SourceReport(
                    readRef(in),
                    SourceStatus.values()[in.readByte()],
                    readString(in),
                    in.readInt(),
                    in.readInt(),
                    in.readInt(),
                    readInstant(in),
                    in.readLong(),
                    readState(in));
        }

        @Override
        public TypeSerializerSnapshot<SourceReport> snapshotConfiguration() {
            return new SourceReportSnapshot();
        }
    }

    /** {@link SourceOutcome}: a source's report and what it gave. */
    public static final class SourceOutcomeSerializer extends RecordSerializer<SourceOutcome> {
        private static final long serialVersionUID = 1L;
        private static final SourceReportSerializer REPORT = new SourceReportSerializer();
        private static final CollectedSerializer COLLECTED = new CollectedSerializer();
        private static final PageChangeSerializer PAGE_CHANGE = new PageChangeSerializer();

        @Override
        public void serialize(SourceOutcome outcome, DataOutputView out) throws IOException {
            REPORT.serialize(outcome.report(), out);
            out.writeInt(outcome.mentions().size());
            for (Collected c : outcome.mentions()) {
                COLLECTED.serialize(c, out);
            }
            out.writeInt(outcome.pageChanges().size());
            for (PageChangeDocument change : outcome.pageChanges()) {
                PAGE_CHANGE.serialize(change, out);
            }
        }

        @Override
        public SourceOutcome deserialize(DataInputView in) throws IOException {
            SourceReport report = REPORT.deserialize(in);
            int n = in.readInt();
            List<Collected> mentions = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                mentions.add(COLLECTED.deserialize(in));
            }
            n = in.readInt();
            List<PageChangeDocument> changes = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                changes.add(PAGE_CHANGE.deserialize(in));
            }
            return new SourceOutcome(report, mentions, changes);
        }

        @Override
        public TypeSerializerSnapshot<SourceOutcome> snapshotConfiguration() {
            return new SourceOutcomeSnapshot();
        }
    }

    /** {@link Collected}: a mention before enrichment. */
    public static final class CollectedSerializer extends RecordSerializer<Collected> {
        private static final long serialVersionUID = 1L;

        @Override
        public void serialize(Collected c, DataOutputView out) throws IOException {
            writeString(out, c.watch());
            writeString(out, c.sourceKey());
            writeMention(out, c.mention());
            writeString(out, c.competitor());
        }

        @Override
        public Collected deserialize(DataInputView in) throws IOException {
            return new Collected(readString(in), readString(in), readMention(in), readString(in));
        }

        @Override
        public TypeSerializerSnapshot<Collected> snapshotConfiguration() {
            return new CollectedSnapshot();
        }
    }

    /** {@link EnrichedMention}: a mention and what enrichment, stories and alerts found. */
    public static final class EnrichedMentionSerializer extends RecordSerializer<EnrichedMention> {
        private static final long serialVersionUID = 1L;

        @Override
        public void serialize(EnrichedMention e, DataOutputView out) throws IOException {
            writeString(out, e.watch());
            writeString(out, e.sourceKey());
            writeMention(out, e.mention());
            writeString(out, e.lang());
            writeString(out, e.sentimentLabel());
            writeDouble(out, e.sentimentScore());
            writeStrings(out, e.themes());
            writeDouble(out, e.curationScore());
            writeStrings(out, e.brands());
            StorySignature signature = e.signature();
            if (signature == null) {
                out.writeInt(-1);
            } else {
                byte[] bytes = signature.toBytes();
                out.writeInt(bytes.length);
                out.write(bytes);
            }
            writeString(out, e.storyId());
            writeString(out, e.duplicateOf());
            writeStrings(out, e.alerts());
            out.writeInt(e.storySources());
            writeString(out, e.eventId());
            writeStrings(out, e.eventKeys());
        }

        @Override
        public EnrichedMention deserialize(DataInputView in) throws IOException {
            String watch = readString(in);
            String sourceKey = readString(in);
            Mention mention = readMention(in);
            String lang = readString(in);
            String label = readString(in);
            Double score = readDouble(in);
            List<String> themes = readStrings(in);
            Double curation = readDouble(in);
            List<String> brands = readStrings(in);
            int length = in.readInt();
            StorySignature signature = null;
            if (length >= 0) {
                byte[] bytes = new byte[length];
                in.readFully(bytes);
                signature = SIGNER.fromBytes(bytes);
            }
            return new EnrichedMention(
                    watch,
                    sourceKey,
                    mention,
                    lang,
                    label,
                    score,
                    themes,
                    curation,
                    brands,
                    signature,
                    readString(in),
                    readString(in),
                    readStrings(in),
                    in.readInt(),
                    readString(in),
                    readStrings(in));
        }

        @Override
        public TypeSerializerSnapshot<EnrichedMention> snapshotConfiguration() {
            return new EnrichedMentionSnapshot();
        }
    }

    /** {@link PageChangeDocument}: a change of a competitor page. */
    public static final class PageChangeSerializer extends RecordSerializer<PageChangeDocument> {
        private static final long serialVersionUID = 1L;

        @Override
        public void serialize(PageChangeDocument change, DataOutputView out) throws IOException {
            writeString(out, change.id());
            writeString(out, change.json());
        }

        @Override
        public PageChangeDocument deserialize(DataInputView in) throws IOException {
            return new PageChangeDocument(readString(in), readString(in));
        }

        @Override
        public TypeSerializerSnapshot<PageChangeDocument> snapshotConfiguration() {
            return new PageChangeSnapshot();
        }
    }

    /** {@link EsDocument}: a document for the sink. */
    public static final class EsDocumentSerializer extends RecordSerializer<EsDocument> {
        private static final long serialVersionUID = 1L;

        @Override
        public void serialize(EsDocument d, DataOutputView out) throws IOException {
            writeString(out, d.index());
            writeString(out, d.id());
            writeString(out, d.source());
        }

        @Override
        public EsDocument deserialize(DataInputView in) throws IOException {
            return new EsDocument(readString(in), readString(in), readString(in));
        }

        @Override
        public TypeSerializerSnapshot<EsDocument> snapshotConfiguration() {
            return new EsDocumentSnapshot();
        }
    }

    /** {@link AlertHit}: a mention matched by an alert rule, collected back to the driver. */
    public static final class AlertHitSerializer extends RecordSerializer<AlertHit> {
        private static final long serialVersionUID = 1L;

        @Override
        public void serialize(AlertHit h, DataOutputView out) throws IOException {
            writeString(out, h.watch());
            writeString(out, h.rule());
            writeString(out, h.mentionId());
            writeString(out, h.title());
            writeString(out, h.url());
            writeString(out, h.source());
            writeInstant(out, h.publishedAt());
            writeString(out, h.lang());
            writeString(out, h.sentiment());
            writeString(out, h.text());
            writeStrings(out, h.matchedTerms());
            out.writeInt(h.storySources());
            writeString(out, h.spike() == null ? "" : h.spike().toJson());
        }

        @Override
        public AlertHit deserialize(DataInputView in) throws IOException {
            return new AlertHit(
                    readString(in),
                    readString(in),
                    readString(in),
                    readString(in),
                    readString(in),
                    readString(in),
                    readInstant(in),
                    readString(in),
                    readString(in),
                    readString(in),
                    readStrings(in),
                    in.readInt(),
                    spike(readString(in)));
        }

        private static dev.vigie.jobs.spike.SpikeReport spike(String json) {
            return json == null || json.isEmpty() ? null : dev.vigie.jobs.spike.SpikeReport.fromJson(json);
        }

        @Override
        public TypeSerializerSnapshot<AlertHit> snapshotConfiguration() {
            return new AlertHitSnapshot();
        }
    }

    // --- snapshots: Flink restores a serializer from them by class name (stateless serializers, version 1) ---

    public static final class SourceTaskSnapshot extends SimpleTypeSerializerSnapshot<SourceTask> {
        public SourceTaskSnapshot() {
            super(SourceTaskSerializer::new);
        }
    }

    public static final class SourceReportSnapshot extends SimpleTypeSerializerSnapshot<SourceReport> {
        public SourceReportSnapshot() {
            super(SourceReportSerializer::new);
        }
    }

    public static final class SourceOutcomeSnapshot extends SimpleTypeSerializerSnapshot<SourceOutcome> {
        public SourceOutcomeSnapshot() {
            super(SourceOutcomeSerializer::new);
        }
    }

    public static final class CollectedSnapshot extends SimpleTypeSerializerSnapshot<Collected> {
        public CollectedSnapshot() {
            super(CollectedSerializer::new);
        }
    }

    public static final class EnrichedMentionSnapshot extends SimpleTypeSerializerSnapshot<EnrichedMention> {
        public EnrichedMentionSnapshot() {
            super(EnrichedMentionSerializer::new);
        }
    }

    public static final class PageChangeSnapshot extends SimpleTypeSerializerSnapshot<PageChangeDocument> {
        public PageChangeSnapshot() {
            super(PageChangeSerializer::new);
        }
    }

    public static final class EsDocumentSnapshot extends SimpleTypeSerializerSnapshot<EsDocument> {
        public EsDocumentSnapshot() {
            super(EsDocumentSerializer::new);
        }
    }

    public static final class AlertHitSnapshot extends SimpleTypeSerializerSnapshot<AlertHit> {
        public AlertHitSnapshot() {
            super(AlertHitSerializer::new);
        }
    }
}
