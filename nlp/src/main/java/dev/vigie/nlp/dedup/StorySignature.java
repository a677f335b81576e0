package dev.vigie.nlp.dedup;

import java.io.Serializable;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The MinHash signature of a text and its LSH band keys.
 *
 * <p>Two texts whose shingle sets have Jaccard similarity {@code J} agree on each MinHash value with probability
 * {@code J}; they share at least one band key with probability {@code 1 - (1 - J^r)^b} ({@code b} bands of
 * {@code r} values). A job groups documents by band key to find candidate duplicates without comparing all pairs,
 * then confirms them with {@link StorySigner#similarity(StorySignature, StorySignature)}.
 *
 * <p>Immutable and serializable.
 */
public final class StorySignature implements Serializable {

    private static final long serialVersionUID = 2L;

    private final long[] minHashes;
    private final long[] bandHashes;
    private final int shingleCount;

    StorySignature(long[] minHashes, long[] bandHashes, int shingleCount) {
        if (shingleCount < 0) {
            throw new IllegalArgumentException("shingle count must be >= 0: " + shingleCount);
        }
        this.minHashes = minHashes.clone();
        this.bandHashes = bandHashes.clone();
        this.shingleCount = shingleCount;
    }

    /** A copy of the MinHash values (empty for a text without words). */
    public long[] minHashes() {
        return minHashes.clone();
    }

    int size() {
        return minHashes.length;
    }

    long minHash(int i) {
        return minHashes[i];
    }

    /** Number of LSH bands (0 when the text cannot be compared). */
    int bandCount() {
        return bandHashes.length;
    }

    /** The hash of band {@code b}: two signatures share band key {@code b} when their hashes of band {@code b} agree. */
    long bandHash(int b) {
        return bandHashes[b];
    }

    /**
     * The LSH band keys ({@code "b07-3f2a9c..."}: band number and hash): equal keys mark candidate duplicates. Empty for
     * a text too short to have a story (see {@link StorySigner.Builder#minShingles(int)}).
     */
    public List<String> bandKeys() {
        List<String> keys = new ArrayList<>(bandHashes.length);
        for (int b = 0; b < bandHashes.length; b++) {
            String hex = Long.toHexString(bandHashes[b]);
            keys.add((b < 10 ? "b0" : "b") + b + "-" + "0".repeat(16 - hex.length()) + hex);
        }
        return keys;
    }

    /** Number of distinct shingles of the text. */
    public int shingleCount() {
        return shingleCount;
    }

    /** Whether the text had enough words to be compared at all. */
    public boolean isComparable() {
        return bandHashes.length > 0;
    }

    /**
     * The signature as bytes to store beside the document (the shingle count, then the MinHash values; big-endian),
     * {@code 4 + 8 * hashes} bytes. {@link StorySigner#fromBytes(byte[])} rebuilds it, band keys included.
     */
    public byte[] toBytes() {
        ByteBuffer out = ByteBuffer.allocate(Integer.BYTES + Long.BYTES * minHashes.length);
        out.putInt(shingleCount);
        out.asLongBuffer().put(minHashes);
        return out.array();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StorySignature s
                && s.shingleCount == shingleCount
                && Arrays.equals(s.minHashes, minHashes)
                && Arrays.equals(s.bandHashes, bandHashes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(minHashes) * 31 + shingleCount;
    }

    @Override
    public String toString() {
        return "StorySignature[" + shingleCount + " shingles, " + bandHashes.length + " bands]";
    }
}
