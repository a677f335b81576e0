package dev.vigie.jobs.mail.internal;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import dev.vigie.jobs.watch.Frequency;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code vigie-alerts} index as a ledger: one document per (watch, rule, mention, recipient) with a deterministic
 * id, created {@code pending} with op_type {@code create} (so a hit already known, pending or sent, is never reset),
 * and turned {@code sent} once its digest was handed over.
 */
public final class Ledger {
    public static final String INDEX = "vigie-alerts";
    public static final String PENDING = "pending";
    public static final String SENT = "sent";
    /** Documents per bulk request. */
    static final int BULK_SIZE = 500;
    /** Most pending entries read per watch and dispatch; the rest wait for the next one. */
    public static final int MAX_PENDING_READ = 10_000;

    private final ElasticsearchClient es;

    public Ledger(ElasticsearchClient es) {
        this.es = es;
    }

    /** An entry of the ledger. */
    public record Entry(String id, String watch, String rule, Frequency every, String recipient, String status,
                        DigestItem item) {
    }

    /** {@code sha256(watch, rule, mention, recipient)} in hex: the same hit for the same person has one id, always. */
    public static String id(String watch, String rule, String mentionId, String recipient) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : List.of(watch, rule, mentionId, recipient.toLowerCase(Locale.ROOT))) {
                sha.update(part.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest());
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
    public int addPending(List<Entry> entries) throws IOException {
        int created = 0;
        for (int from = 0; from < entries.size(); from += BULK_SIZE) {
            List<BulkOperation> ops = new ArrayList<>();
            for (Entry e : entries.subList(from, Math.min(entries.size(), from + BULK_SIZE))) {
                Map<String, Object> doc = toDoc(e);
                ops.add(BulkOperation.of(b -> b.create(c -> c.index(INDEX).id(e.id()).document(doc))));
            }
            BulkResponse response = es.bulk(b -> b.refresh(Refresh.WaitFor).operations(ops));
            for (BulkResponseItem item : response.items()) {
                if (item.error() == null) {
                    created++;
                } else if (item.status() != 409) {
                    throw new IOException("vigie-alerts refused entry " + item.id() + ": " + item.error().type() + ": "
                            + item.error().reason());
                }
            }
        }
        return created;
    }

    /** The pending entries of a watch, oldest first. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public List<Entry> pending(String watch) throws IOException {
        SearchResponse<Map> response = es.search(s -> s.index(INDEX).ignoreUnavailable(true).size(MAX_PENDING_READ)
                .query(q -> q.bool(b -> b
                        .filter(f -> f.term(t -> t.field("watch").value(watch)))
                        .filter(f -> f.term(t -> t.field("status").value(PENDING)))))
                .sort(o -> o.field(f -> f.field("matched_at").order(SortOrder.Asc)))
                .sort(o -> o.field(f -> f.field("id").order(SortOrder.Asc))), Map.class);
        List<Entry> entries = new ArrayList<>();
        for (Hit<Map> hit : response.hits().hits()) {
            entries.add(fromDoc(hit.id(), (Map<String, Object>) hit.source()));
        }
        return entries;
    }

    /** Marks entries as sent at {@code now}. */
    public void markSent(List<Entry> entries, Instant now) throws IOException {
        for (int from = 0; from < entries.size(); from += BULK_SIZE) {
            List<BulkOperation> ops = new ArrayList<>();
            for (Entry e : entries.subList(from, Math.min(entries.size(), from + BULK_SIZE))) {
                Map<String, Object> change = Map.of("status", SENT, "sent_at", now.toString());
                ops.add(BulkOperation.of(b -> b.update(u -> u.index(INDEX).id(e.id()).action(a -> a.doc(change)))));
            }
            BulkResponse response = es.bulk(b -> b.refresh(Refresh.WaitFor).operations(ops));
            if (response.errors()) {
                BulkResponseItem failed = response.items().stream().filter(i -> i.error() != null).findFirst().orElseThrow();
                throw new IOException("vigie-alerts could not mark " + failed.id() + " as sent: "
                        + failed.error().reason());
            }
        }
    }

    static Map<String, Object> toDoc(Entry e) {
        DigestItem i = e.item();
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("id", e.id());
        doc.put("watch", e.watch());
        doc.put("rule", e.rule());
        doc.put("every", e.every().code());
        doc.put("status", e.status());
        doc.put("recipients", List.of(e.recipient()));
        doc.put("mention_id", i.mentionId());
        doc.put("mention_title", i.title());
        doc.put("mention_url", i.url());
        doc.put("mention_source", i.source());
        if (i.publishedAt() != null) {
            doc.put("mention_published_at", i.publishedAt().toString());
        }
        doc.put("lang", i.lang());
        doc.put("sentiment", i.sentiment());
        doc.put("matched_terms", i.matchedTerms());
        doc.put("snippet", i.snippet());
        doc.put("story_sources", i.storySources());
        doc.put("matched_at", i.matchedAt().toString());
        return doc;
    }

    @SuppressWarnings("unchecked")
    static Entry fromDoc(String id, Map<String, Object> doc) {
        List<String> recipients = (List<String>) doc.getOrDefault("recipients", List.of());
        Object published = doc.get("mention_published_at");
        Object storySources = doc.getOrDefault("story_sources", 1);
        DigestItem item = new DigestItem((String) doc.get("mention_id"), (String) doc.get("mention_title"),
                (String) doc.get("mention_url"), (String) doc.get("mention_source"),
                published == null ? null : Instant.parse(published.toString()), (String) doc.get("lang"),
                (String) doc.get("sentiment"), (String) doc.get("snippet"),
                (List<String>) doc.getOrDefault("matched_terms", List.of()),
                ((Number) storySources).intValue(), Instant.parse(doc.get("matched_at").toString()));
        return new Entry(id, (String) doc.get("watch"), (String) doc.get("rule"),
                Frequency.valueOf(doc.getOrDefault("every", "run").toString().toUpperCase(Locale.ROOT)),
                recipients.isEmpty() ? "" : recipients.get(0), (String) doc.get("status"), item);
    }
}
