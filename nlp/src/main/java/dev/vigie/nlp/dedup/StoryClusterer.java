package dev.vigie.nlp.dedup;

import com.carrotsearch.hppc.LongObjectHashMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Gives each document a story id: the id of the earliest document of its story.
 *
 * <p>Use: {@link #remember(Earlier)} the documents of earlier runs that share a band key with the batch (their story
 * ids come from Elasticsearch), then {@link #assign(List)} the batch. Documents are taken in order of publication
 * time, then id, so the outcome does not depend on arrival order and a rerun gives the same ids. A document joins
 * the story of the most similar earlier document that shares a band key and reaches the signer's threshold (ties go
 * to the smallest id); otherwise it starts a story under its own id. Documents of earlier runs come before the whole
 * batch: their story ids are already indexed and never change, so a late copy that was published before them still
 * joins their story.
 *
 * <p><b>Bounded comparisons.</b> A document is compared with the <em>representatives</em> of each of its band keys,
 * not with every document that shares one: the first {@code maxRepresentatives} documents that had the key, plus up
 * to as many later ones that matched none of those (so that a second story colliding on a key still has members to
 * be found by). A story carried by thousands of sources therefore costs each new copy at most
 * {@code 2 * maxRepresentatives} comparisons per band key, each document once, instead of one per earlier copy. With
 * {@link #EVERY_MEMBER} every earlier document is a representative: the exhaustive search, whose results the
 * default reproduces on the evaluation data (see {@code StoryEvaluation} in the test sources).
 *
 * <p>Not thread-safe: one instance per batch (per watch, in one Flink task).
 */
public final class StoryClusterer {

    /**
     * Representatives per band key (and as many more for stories that collide on the key): 8 keeps the evaluation's
     * results identical to comparing with every member, while a story's thousandth copy costs what its tenth does.
     */
    public static final int DEFAULT_MAX_REPRESENTATIVES = 8;
    /** Every earlier document sharing a band key is compared: exhaustive, cost grows with the size of stories. */
    public static final int EVERY_MEMBER = Integer.MAX_VALUE;

    /** A document to place in a story. */
    public record Item(String id, long publishedAtMillis, StorySignature signature) {
        /** Requires an id and a signature. */
        public Item {
            if (id == null || id.isBlank()) {
                throw new IllegalArgumentException("story item needs an id");
            }
            if (signature == null) {
                throw new IllegalArgumentException("story item " + id + " needs a signature");
            }
        }
    }

    /**
     * A document of an earlier run, with the story it was given then.
     *
     * @param id its id
     * @param storyId its story id, as indexed
     * @param publishedAtMillis its publication time (orders earlier documents among themselves)
     * @param signature its signature
     */
    public record Earlier(String id, String storyId, long publishedAtMillis, StorySignature signature) {
        /** Requires ids and a signature. */
        public Earlier {
            if (id == null || id.isBlank() || storyId == null || storyId.isBlank()) {
                throw new IllegalArgumentException(
                        "earlier story member needs an id and a story id: " + id + ", " + storyId);
            }
            if (signature == null) {
                throw new IllegalArgumentException("earlier story member " + id + " needs a signature");
            }
        }
    }

    /**
     * The story of a document and, when it is a copy, the document it copies.
     *
     * @param id the document
     * @param storyId its story: its own id when it starts one
     * @param duplicateOf the most similar earlier document of its story, or {@code null} when it starts the story
     * @param similarity estimated similarity to {@code duplicateOf}, 0 without one
     */
    public record Assignment(String id, String storyId, String duplicateOf, double similarity) {}

    private static final Comparator<Item> ITEM_ORDER =
            Comparator.comparingLong(Item::publishedAtMillis).thenComparing(Item::id);
    private static final Comparator<Earlier> EARLIER_ORDER =
            Comparator.comparingLong(Earlier::publishedAtMillis).thenComparing(Earlier::id);

    /** A document placed in a story; {@code round} and {@code similarity} cache its comparison with the current one. */
    private static final class Member {
        final String id;
        final String storyId;
        final StorySignature signature;
        long round = -1;
        double similarity;

        Member(String id, String storyId, StorySignature signature) {
            this.id = id;
            this.storyId = storyId;
            this.signature = signature;
        }
    }

    /** The representatives of a band key with two or more (a key with one holds that member directly). */
    private static final class Group {
        Member[] reps;
        int size;
        int leaders;

        Group(Member first, Member second, boolean secondIsLeader) {
            reps = new Member[] {first, second};
            size = 2;
            leaders = secondIsLeader ? 1 : 0;
        }

        void add(Member m, boolean leader) {
            if (size == reps.length) {
                reps = Arrays.copyOf(reps, size * 2);
            }
            reps[size++] = m;
            if (leader) {
                leaders++;
            }
        }
    }

    private final StorySigner signer;
    private final int maxRepresentatives;
    /** One map per band number: band hash to its {@link Member} or {@link Group}. */
    private final List<LongObjectHashMap<Object>> byBand = new ArrayList<>();

    private final List<Earlier> remembered = new ArrayList<>();
    private final Set<String> rememberedIds = new HashSet<>();
    private long round;
    private long comparisons;

    /**
     * A clusterer with {@value #DEFAULT_MAX_REPRESENTATIVES} representatives per band key.
     *
     * @param signer the signer that made the signatures (its threshold decides)
     */
    public StoryClusterer(StorySigner signer) {
        this(signer, DEFAULT_MAX_REPRESENTATIVES);
    }

    /**
     * @param signer the signer that made the signatures (its threshold decides)
     * @param maxRepresentatives documents compared per band key (then as many that matched none of them), at least 1;
     *     {@link #EVERY_MEMBER} for all
     */
    public StoryClusterer(StorySigner signer, int maxRepresentatives) {
        if (signer == null) {
            throw new IllegalArgumentException("signer must not be null");
        }
        if (maxRepresentatives < 1) {
            throw new IllegalArgumentException(
                    "representatives per band key must be at least 1: " + maxRepresentatives);
        }
        this.signer = signer;
        this.maxRepresentatives = maxRepresentatives;
    }

    /**
     * Records a document of an earlier run with its known story id, so new copies join that story. It must not be part
     * of the batch given to {@link #assign(List)} (a document indexed before keeps its story: leave it out of the batch).
     *
     * @param earlier the document
     */
    public void remember(Earlier earlier) {
        if (earlier == null) {
            throw new IllegalArgumentException("earlier story member must not be null");
        }
        if (rememberedIds.add(earlier.id())) {
            remembered.add(earlier);
        }
    }

    /**
     * Assigns story ids to a batch.
     *
     * @param items the batch, in any order; ids must be distinct and none remembered
     * @return one assignment per item, in order of publication time then id
     */
    public List<Assignment> assign(List<Item> items) {
        placeRemembered();
        List<Item> sorted = new ArrayList<>(items);
        sorted.sort(ITEM_ORDER);
        List<Assignment> out = new ArrayList<>(sorted.size());
        Set<String> ids = new HashSet<>();
        for (Item item : sorted) {
            if (!ids.add(item.id()) || rememberedIds.contains(item.id())) {
                throw new IllegalArgumentException(
                        "story item " + item.id() + " is given twice (in the batch or as an" + " earlier document)");
            }
            round++;
            StorySignature signature = item.signature();
            Member best = null;
            double bestSim = -1;
            for (int b = 0; b < signature.bandCount(); b++) {
                Object slot = band(b).get(signature.bandHash(b));
                if (slot instanceof Member m) {
                    if (compare(m, signature) && isBetter(m, best, bestSim)) {
                        best = m;
                        bestSim = m.similarity;
                    }
                } else if (slot instanceof Group g) {
                    for (int i = 0; i < g.size; i++) {
                        Member m = g.reps[i];
                        if (compare(m, signature) && isBetter(m, best, bestSim)) {
                            best = m;
                            bestSim = m.similarity;
                        }
                    }
                }
            }
            Assignment assignment;
            if (best == null || bestSim < signer.threshold()) {
                assignment = new Assignment(item.id(), item.id(), null, 0);
            } else if (best.storyId.equals(item.id())) {
                // an earlier run indexed a copy of this document under this document's id: it is the story's start
                assignment = new Assignment(item.id(), item.id(), null, 0);
            } else {
                assignment = new Assignment(item.id(), best.storyId, best.id, bestSim);
            }
            out.add(assignment);
            place(new Member(item.id(), assignment.storyId(), signature));
        }
        return out;
    }

    /** Similarity computations so far (each pair of documents at most once). */
    public long comparisons() {
        return comparisons;
    }

    private void placeRemembered() {
        remembered.sort(EARLIER_ORDER);
        for (Earlier earlier : remembered) {
            round++;
            place(new Member(earlier.id(), earlier.storyId(), earlier.signature()));
        }
        remembered.clear();
    }

    /** Compares a member with the current document once per round; true the first time. */
    private boolean compare(Member m, StorySignature signature) {
        if (m.round == round) {
            return false;
        }
        m.round = round;
        m.similarity = signer.similarity(signature, m.signature);
        comparisons++;
        return true;
    }

    private static boolean isBetter(Member m, Member best, double bestSim) {
        return m.similarity > bestSim || (m.similarity == bestSim && best != null && m.id.compareTo(best.id) < 0);
    }

    /** Makes a member a representative of each of its band keys that has room, or that it is a new story for. */
    private void place(Member member) {
        StorySignature signature = member.signature;
        for (int b = 0; b < signature.bandCount(); b++) {
            LongObjectHashMap<Object> keys = band(b);
            long key = signature.bandHash(b);
            Object slot = keys.get(key);
            if (slot == null) {
                keys.put(key, member);
            } else if (slot instanceof Member first) {
                if (maxRepresentatives > 1) {
                    keys.put(key, new Group(first, member, false));
                } else if (!matches(first, signature)) {
                    keys.put(key, new Group(first, member, true));
                }
            } else {
                Group g = (Group) slot;
                if (g.size < maxRepresentatives) { // leaders only come once the first ones are in
                    g.add(member, false);
                } else if (g.leaders < maxRepresentatives && !matchesAny(g, signature)) {
                    g.add(member, true);
                }
            }
        }
    }

    private boolean matchesAny(Group g, StorySignature signature) {
        for (int i = 0; i < g.size; i++) {
            if (matches(g.reps[i], signature)) {
                return true;
            }
        }
        return false;
    }

    private boolean matches(Member rep, StorySignature signature) {
        compare(rep, signature);
        return rep.similarity >= signer.threshold();
    }

    private LongObjectHashMap<Object> band(int b) {
        while (byBand.size() <= b) {
            byBand.add(new LongObjectHashMap<>());
        }
        return byBand.get(b);
    }
}
