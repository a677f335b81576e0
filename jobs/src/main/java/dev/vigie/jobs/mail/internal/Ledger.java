package dev.vigie.jobs.mail.internal;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.MgetResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import dev.vigie.dashboards.fields.AlertHitFields;
import dev.vigie.jobs.run.internal.Backoff;
import dev.vigie.jobs.spike.SpikeReport;
import dev.vigie.jobs.watch.Frequency;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The {@code vigie-alerts} index as a ledger: one document per (watch, rule, mention, recipient) with a deterministic
 * id, created {@code pending} with op_type {@code create} (so a hit already known is never reset), then moved
 * {@code pending -> sending(digest id) -> sent} (or back to {@code pending} when delivery failed for sure, or to
 * {@code dropped} when its rule or recipient left the watch). Every move is conditional on the version read
 * ({@code if_seq_no}/{@code if_primary_term}): an entry someone else moved in between is not moved again. A call that
 * Elasticsearch did not answer is retried by {@link Calls}; a move that then meets its own earlier success (the
 * entry is already where it was to go, with the same digest id) counts as done.
 *
 * <p>The states are the channel's business, not email's: a webhook channel would use the same entries, the same
 * digest id (as its idempotency key) and the same moves.
 */
public final class Ledger {
    public static final String INDEX = "vigie-alerts";
    public static final String PENDING = "pending";
    /** Claimed by a digest ({@code digest_id}) that is being, or may have been, delivered. */
    public static final String SENDING = "sending";

    public static final String SENT = "sent";
    /** No longer to be sent: its rule or its recipient left the watch ({@code status_reason} says which). */
    public static final String DROPPED = "dropped";
    /**
     * Will not be delivered: its channel refused the digest in a way sending again cannot mend (a webhook answering
     * 404 or 403); {@code status_reason} says what it answered. Not retried, not silently dropped: counted as failed
     * in the run summary. {@code vigie alerts retry} (after fixing the webhook) makes it {@code pending} again.
     */
    public static final String FAILED = "failed";
    /** Documents per bulk request. */
    static final int BULK_SIZE = 500;
    /** Most open (pending or sending) entries read per watch and dispatch; the rest wait for the next one. */
    public static final int MAX_PENDING_READ = 10_000;

    /** How the ledger calls Elasticsearch: each call retried as the run's patience allows. */
    @FunctionalInterface
    public interface Calls {
        <T> T call(String step, Backoff.Call<T> call) throws IOException, InterruptedException;

        /** Each call once, failures thrown as they are. */
        Calls DIRECT = new Calls() {
            @Override
            public <T> T call(String step, Backoff.Call<T> call) throws IOException {
                return call.call();
            }
        };
    }

    private final ElasticsearchClient es;
    private final Calls calls;
    /**
     * Written with each claim ({@code claimed_by}): when a claim meets a conflict, the entry already being
     * {@code sending} with the same digest id is not enough to call it ours, since two dispatches of the same hits
     * compute the same digest id; only our own token is.
     */
    private final String claimant = java.util.UUID.randomUUID().toString();

    public Ledger(ElasticsearchClient es) {
        this(es, Calls.DIRECT);
    }

    public Ledger(ElasticsearchClient es, Calls calls) {
        this.es = Objects.requireNonNull(es, "es");
        this.calls = Objects.requireNonNull(calls, "calls");
    }

    /**
     * An entry of the ledger.
     *
     * @param digestId    the digest carrying it, once {@code sending} or {@code sent}; else {@code null}
     * @param sendingAt   when it was claimed by its digest, or {@code null}
     * @param lastError   why its last delivery failed or is unknown, or {@code null}
     * @param claimedBy   the token of the dispatch that claimed it last, or {@code null}
     * @param seqNo       the version read ({@code _seq_no}), {@code -1} for an entry not read from the index
     * @param primaryTerm the version read ({@code _primary_term})
     */
    public record Entry(
            String id,
            String watch,
            String rule,
            Frequency every,
            String recipient,
            String status,
            DigestItem item,
            String digestId,
            Instant sendingAt,
            String lastError,
            String claimedBy,
            long seqNo,
            long primaryTerm) {

        /** A new entry, not yet in the index. */
        public Entry(
                String id,
                String watch,
                String rule,
                Frequency every,
                String recipient,
                String status,
                DigestItem item) {
            this(id, watch, rule, every, recipient, status, item, null, null, null, null, -1, 0);
        }

        Entry withVersion(String status, String digestId, long seqNo, long primaryTerm) {
            return new Entry(
                    id,
                    watch,
                    rule,
                    every,
                    recipient,
                    status,
                    item,
                    digestId,
                    sendingAt,
                    lastError,
                    claimedBy,
                    seqNo,
                    primaryTerm);
        }
    }

    /** {@code sha256(watch, rule, mention, recipient)} in hex: the same hit for the same person has one id, always. */
    public static String id(String watch, String rule, String mentionId, String recipient) {
        return sha256(List.of(watch, rule, mentionId, recipient.toLowerCase(Locale.ROOT)), 64);
    }

    /**
     * The id of the digest carrying {@code entries}: derived from the hits it carries (their ledger ids, in any
     * order), so the same hits for the same person make the same digest id, in this run or a later one. It is the
     * email's Message-ID (and would be a webhook's idempotency key).
     */
    public static String digestId(Collection<Entry> entries) {
        TreeSet<String> ids = new TreeSet<>();
        entries.forEach(e -> ids.add(e.id()));
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("a digest carries at least one hit");
        }
        return "vigie-digest-" + sha256(List.copyOf(ids), 32);
    }

    private static String sha256(List<String> parts, int hexChars) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                sha.update(part.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, hexChars);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    /**
     * Records entries as pending unless their id is already known.
     *
     * @return how many were new
     * @throws IOException when Elasticsearch refuses an entry for another reason than "already exists"
     */
    public int addPending(List<Entry> entries) throws IOException, InterruptedException {
        int created = 0;
        for (int from = 0; from < entries.size(); from += BULK_SIZE) {
            List<BulkOperation> ops = new ArrayList<>();
            for (Entry e : entries.subList(from, Math.min(entries.size(), from + BULK_SIZE))) {
                Map<String, Object> doc = toDoc(e);
                ops.add(BulkOperation.of(
                        b -> b.create(c -> c.index(INDEX).id(e.id()).document(doc))));
            }
            BulkResponse response = calls.call(
                    "recording alert hits in " + INDEX,
                    () -> es.bulk(b -> b.refresh(Refresh.True).operations(ops)));
            for (BulkResponseItem item : response.items()) {
                if (item.error() == null) {
                    created++;
                } else if (item.status() != 409) {
                    throw new IOException(INDEX + " refused entry " + item.id() + ": "
                            + item.error().type() + ": " + item.error().reason());
                }
            }
        }
        return created;
    }

    /** The pending entries of a watch, oldest first. */
    public List<Entry> pending(String watch) throws IOException, InterruptedException {
        return open(watch).stream().filter(e -> e.status().equals(PENDING)).toList();
    }

    /** The open entries of a watch ({@code pending} and {@code sending}), oldest first, with their versions. */
    public List<Entry> open(String watch) throws IOException, InterruptedException {
        return read(watch, "reading the pending alerts of watch " + watch, PENDING, SENDING);
    }

    /** The {@link #FAILED} entries of a watch (at most {@link #MAX_PENDING_READ}), oldest first, with their versions. */
    public List<Entry> failed(String watch) throws IOException, InterruptedException {
        return read(watch, "reading the failed alerts of watch " + watch, FAILED);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private List<Entry> read(String watch, String step, String... statuses) throws IOException, InterruptedException {
        List<FieldValue> values =
                java.util.Arrays.stream(statuses).map(FieldValue::of).toList();
        SearchResponse<Map> response = calls.call(
                step + " in " + INDEX,
                () -> es.search(
                        s -> s.index(INDEX)
                                .ignoreUnavailable(true)
                                .size(MAX_PENDING_READ)
                                .seqNoPrimaryTerm(true)
                                .query(q -> q.bool(b -> b.filter(f -> f.term(t ->
                                                t.field(AlertHitFields.WATCH).value(watch)))
                                        .filter(f -> f.terms(t ->
                                                t.field(AlertHitFields.STATUS).terms(v -> v.value(values))))))
                                .sort(o -> o.field(
                                        f -> f.field(AlertHitFields.MATCHED_AT).order(SortOrder.Asc)))
                                .sort(o ->
                                        o.field(f -> f.field(AlertHitFields.ID).order(SortOrder.Asc))),
                        Map.class));
        List<Entry> entries = new ArrayList<>();
        for (Hit<Map> hit : response.hits().hits()) {
            entries.add(fromDoc(hit.id(), (Map<String, Object>) hit.source(), hit.seqNo(), hit.primaryTerm()));
        }
        return entries;
    }

    /** Claims entries for digest {@code digestId}: {@code pending} (or an earlier {@code sending}) to {@code sending}. */
    public Moved claim(List<Entry> entries, String digestId, Instant now) throws IOException, InterruptedException {
        Map<String, Object> change = new LinkedHashMap<>();
        change.put(AlertHitFields.STATUS, SENDING);
        change.put(AlertHitFields.DIGEST_ID, digestId);
        change.put(AlertHitFields.SENDING_AT, now.toString());
        change.put(AlertHitFields.CLAIMED_BY, claimant);
        return move(entries, change, SENDING, digestId, "claiming alert hits for digest " + digestId);
    }

    /** Marks claimed entries as sent at {@code now} under {@code messageId}. */
    public Moved markSent(List<Entry> entries, String digestId, String messageId, Instant now)
            throws IOException, InterruptedException {
        Map<String, Object> change = new LinkedHashMap<>();
        change.put(AlertHitFields.STATUS, SENT);
        change.put(AlertHitFields.SENT_AT, now.toString());
        change.put(AlertHitFields.MESSAGE_ID, messageId);
        change.put(AlertHitFields.LAST_ERROR, ""); // the client leaves nulls out: empty means none
        return move(entries, change, SENT, digestId, "marking digest " + digestId + " as sent");
    }

    /** Gives claimed entries back: their digest was certainly not delivered ({@code error} says why). */
    public Moved release(List<Entry> entries, String digestId, String error) throws IOException, InterruptedException {
        Map<String, Object> change = new LinkedHashMap<>();
        change.put(AlertHitFields.STATUS, PENDING);
        change.put(AlertHitFields.DIGEST_ID, "");
        change.put(AlertHitFields.SENDING_AT, "1970-01-01T00:00:00Z");
        change.put(AlertHitFields.LAST_ERROR, error);
        return move(entries, change, PENDING, null, "putting back the hits of digest " + digestId);
    }

    /** Notes why the outcome of the digest of claimed entries is unknown; they stay {@code sending}. */
    public Moved markUnknown(List<Entry> entries, String digestId, String error)
            throws IOException, InterruptedException {
        Map<String, Object> change = new LinkedHashMap<>();
        change.put(AlertHitFields.LAST_ERROR, error);
        return move(entries, change, SENDING, digestId, "noting the unknown outcome of digest " + digestId);
    }

    /** Records claimed entries as failed for good: their channel refused the digest ({@code reason} says how). */
    public Moved fail(List<Entry> entries, String digestId, String reason, Instant now)
            throws IOException, InterruptedException {
        Map<String, Object> change = new LinkedHashMap<>();
        change.put(AlertHitFields.STATUS, FAILED);
        change.put(AlertHitFields.FAILED_AT, now.toString());
        change.put(AlertHitFields.STATUS_REASON, reason);
        change.put(AlertHitFields.LAST_ERROR, reason);
        return move(entries, change, FAILED, digestId, "recording digest " + digestId + " as failed");
    }

    /**
     * Makes {@link #FAILED} entries {@code pending} again, to be delivered by the next dispatch (to their channel, or
     * re-targeted to the rule's current channels when theirs left the watch); {@code last_error} keeps why they
     * failed.
     */
    public Moved retry(List<Entry> entries) throws IOException, InterruptedException {
        Map<String, Object> change = new LinkedHashMap<>();
        change.put(AlertHitFields.STATUS, PENDING);
        change.put(AlertHitFields.DIGEST_ID, "");
        change.put(AlertHitFields.SENDING_AT, "1970-01-01T00:00:00Z");
        change.put(AlertHitFields.STATUS_REASON, "");
        return move(entries, change, PENDING, null, "making failed alert hits pending again");
    }

    /** Drops entries that are not to be sent any more, saying why. */
    public Moved drop(List<Entry> entries, String reason, Instant now) throws IOException, InterruptedException {
        Map<String, Object> change = new LinkedHashMap<>();
        change.put(AlertHitFields.STATUS, DROPPED);
        change.put(AlertHitFields.DROPPED_AT, now.toString());
        change.put(AlertHitFields.STATUS_REASON, reason);
        return move(entries, change, DROPPED, null, "dropping alert hits (" + reason + ")");
    }

    /**
     * What a move did.
     *
     * @param moved   the entries moved, with their new versions
     * @param skipped the entries someone else had moved in between (not moved)
     */
    public record Moved(List<Entry> moved, List<Entry> skipped) {
        public Moved {
            moved = List.copyOf(moved);
            skipped = List.copyOf(skipped);
        }
    }

    private Moved move(List<Entry> entries, Map<String, Object> change, String toStatus, String digestId, String step)
            throws IOException, InterruptedException {
        List<Entry> moved = new ArrayList<>();
        List<Entry> conflicting = new ArrayList<>();
        for (int from = 0; from < entries.size(); from += BULK_SIZE) {
            List<Entry> chunk = entries.subList(from, Math.min(entries.size(), from + BULK_SIZE));
            List<BulkOperation> ops = new ArrayList<>();
            for (Entry e : chunk) {
                if (e.seqNo() < 0) {
                    throw new IllegalArgumentException("entry " + e.id() + " was not read from " + INDEX);
                }
                ops.add(BulkOperation.of(b -> b.update(u -> u.index(INDEX)
                        .id(e.id())
                        .ifSeqNo(e.seqNo())
                        .ifPrimaryTerm(e.primaryTerm())
                        .action(a -> a.doc(change)))));
            }
            BulkResponse response = calls.call(
                    step + " in " + INDEX,
                    () -> es.bulk(b -> b.refresh(Refresh.True).operations(ops)));
            for (int i = 0; i < chunk.size(); i++) {
                BulkResponseItem item = response.items().get(i);
                Entry e = chunk.get(i);
                if (item.error() == null) {
                    moved.add(e.withVersion(
                            toStatus,
                            digestId,
                            item.seqNo() == null ? -1 : item.seqNo(),
                            item.primaryTerm() == null ? 0 : item.primaryTerm()));
                } else if (item.status() == 409) {
                    conflicting.add(e);
                } else {
                    throw new IOException(INDEX + " refused to move entry " + e.id() + " to " + toStatus + ": "
                            + item.error().type() + ": " + item.error().reason());
                }
            }
        }
        List<Entry> skipped = new ArrayList<>();
        if (!conflicting.isEmpty()) {
            // a retried call may meet its own earlier success: the entry is already where it was to go
            Map<String, Entry> now = current(conflicting, step);
            for (Entry e : conflicting) {
                Entry there = now.get(e.id());
                if (there != null
                        && there.status().equals(toStatus)
                        && Objects.equals(there.digestId(), digestId)
                        && (!toStatus.equals(SENDING) && !toStatus.equals(SENT) || claimant.equals(there.claimedBy()))
                        && (!change.containsKey(AlertHitFields.LAST_ERROR)
                                || Objects.equals(
                                        there.lastError(), blankToNull(change.get(AlertHitFields.LAST_ERROR))))) {
                    moved.add(there);
                } else {
                    skipped.add(e);
                }
            }
        }
        return new Moved(moved, skipped);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Map<String, Entry> current(List<Entry> entries, String step) throws IOException, InterruptedException {
        List<String> ids = entries.stream().map(Entry::id).toList();
        MgetResponse<Map> response = calls.call(
                "re-reading alert hits after a conflict while " + step,
                () -> es.mget(m -> m.index(INDEX).ids(ids), Map.class));
        Map<String, Entry> now = new HashMap<>();
        for (var doc : response.docs()) {
            if (doc.isResult() && doc.result().found()) {
                var r = doc.result();
                now.put(
                        r.id(),
                        fromDoc(
                                r.id(),
                                (Map<String, Object>) r.source(),
                                r.seqNo() == null ? -1 : r.seqNo(),
                                r.primaryTerm() == null ? 0 : r.primaryTerm()));
            }
        }
        return now;
    }

    static Map<String, Object> toDoc(Entry e) {
        DigestItem i = e.item();
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put(AlertHitFields.ID, e.id());
        doc.put(AlertHitFields.WATCH, e.watch());
        doc.put(AlertHitFields.RULE, e.rule());
        doc.put(AlertHitFields.EVERY, e.every().code());
        doc.put(AlertHitFields.STATUS, e.status());
        doc.put(AlertHitFields.RECIPIENTS, List.of(e.recipient()));
        doc.put(AlertHitFields.MENTION_ID, i.mentionId());
        doc.put(AlertHitFields.MENTION_TITLE, i.title());
        doc.put(AlertHitFields.MENTION_URL, i.url());
        doc.put(AlertHitFields.MENTION_SOURCE, i.source());
        if (i.publishedAt() != null) {
            doc.put(AlertHitFields.MENTION_PUBLISHED_AT, i.publishedAt().toString());
        }
        doc.put(AlertHitFields.LANG, i.lang());
        doc.put(AlertHitFields.SENTIMENT, i.sentiment());
        doc.put(AlertHitFields.MATCHED_TERMS, i.matchedTerms());
        doc.put(AlertHitFields.SNIPPET, i.snippet());
        doc.put(AlertHitFields.STORY_SOURCES, i.storySources());
        doc.put(AlertHitFields.MATCHED_AT, i.matchedAt().toString());
        if (i.spike() != null) {
            doc.put(AlertHitFields.SPIKE, i.spike().toMap());
        }
        return doc;
    }

    @SuppressWarnings("unchecked")
    static Entry fromDoc(String id, Map<String, Object> doc, long seqNo, long primaryTerm) {
        List<String> recipients = (List<String>) doc.getOrDefault(AlertHitFields.RECIPIENTS, List.of());
        Object published = doc.get(AlertHitFields.MENTION_PUBLISHED_AT);
        Object storySources = doc.getOrDefault(AlertHitFields.STORY_SOURCES, 1);
        DigestItem item = new DigestItem(
                (String) doc.get(AlertHitFields.MENTION_ID),
                (String) doc.get(AlertHitFields.MENTION_TITLE),
                (String) doc.get(AlertHitFields.MENTION_URL),
                (String) doc.get(AlertHitFields.MENTION_SOURCE),
                published == null ? null : Instant.parse(published.toString()),
                (String) doc.get(AlertHitFields.LANG),
                (String) doc.get(AlertHitFields.SENTIMENT),
                (String) doc.get(AlertHitFields.SNIPPET),
                (List<String>) doc.getOrDefault(AlertHitFields.MATCHED_TERMS, List.of()),
                ((Number) storySources).intValue(),
                Instant.parse(doc.get(AlertHitFields.MATCHED_AT).toString()),
                doc.get(AlertHitFields.SPIKE) instanceof Map<?, ?> spike
                        ? SpikeReport.fromMap((Map<String, Object>) spike)
                        : null);
        Object sendingAt = doc.get(AlertHitFields.SENDING_AT);
        return new Entry(
                id,
                (String) doc.get(AlertHitFields.WATCH),
                (String) doc.get(AlertHitFields.RULE),
                Frequency.valueOf(
                        doc.getOrDefault(AlertHitFields.EVERY, "run").toString().toUpperCase(Locale.ROOT)),
                recipients.isEmpty() ? "" : recipients.get(0),
                (String) doc.get(AlertHitFields.STATUS),
                item,
                blankToNull(doc.get(AlertHitFields.DIGEST_ID)),
                sendingAt == null || Instant.parse(sendingAt.toString()).equals(Instant.EPOCH)
                        ? null
                        : Instant.parse(sendingAt.toString()),
                blankToNull(doc.get(AlertHitFields.LAST_ERROR)),
                blankToNull(doc.get(AlertHitFields.CLAIMED_BY)),
                seqNo,
                primaryTerm);
    }

    private static String blankToNull(Object value) {
        return value == null || value.toString().isEmpty() ? null : value.toString();
    }
}
