package dev.vigie.nlp.dedup;

import dev.vigie.nlp.text.TextNormalizer;
import dev.vigie.nlp.text.Token;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Near-duplicate signatures for stories: MinHash over word shingles of the normalised text (folded, no accents, no
 * elision, hashtag signs dropped), cut into LSH bands.
 *
 * <p>Two texts are duplicates when the estimated Jaccard similarity of their shingle sets reaches
 * {@link Builder#threshold(double)}. The default ({@value #DEFAULT_THRESHOLD} on word 2-shingles) was chosen on
 * pairs built from real news items (see docs/evaluation.md, "Stories"): syndicated copies with a
 * different byline, a source prefix, a "read more" suffix or one added sentence stay above it, while two different
 * stories on the same subject fall below it (measured: copies' 1st percentile 0.50, median 0.81; the most similar
 * pair of different same-topic stories 0.34; precision 100 %, recall about 99 %). It is far looser than Feedly's
 * "more than 85 % overlap" because Jaccard similarity of shingles drops fast when a short item gains a prefix and a
 * footer: at 0.8 only about half the copies are found.
 *
 * <p>Immutable and thread-safe; serializable settings only, so it can be created anywhere.
 */
public final class StorySigner {

    /** Words per shingle: 2 keeps short posts comparable while word order still matters. */
    public static final int DEFAULT_SHINGLE_SIZE = 2;
    /** MinHash values per signature: standard error of the Jaccard estimate about 0.04. */
    public static final int DEFAULT_HASHES = 128;
    /** Values per LSH band: with 32 bands of 4, pairs at J = 0.5 share a band with probability 0.88. */
    public static final int DEFAULT_ROWS_PER_BAND = 4;
    /** Estimated Jaccard similarity from which two texts are the same story. */
    public static final double DEFAULT_THRESHOLD = 0.45;
    /** Texts with fewer distinct shingles carry too little to be compared (a "Thanks!" is not a story). */
    public static final int DEFAULT_MIN_SHINGLES = 5;

    private final int shingleSize;
    private final int hashes;
    private final int rowsPerBand;
    private final double threshold;
    private final int minShingles;
    private final long[] seeds;

    private StorySigner(Builder b) {
        this.shingleSize = b.shingleSize;
        this.hashes = b.hashes;
        this.rowsPerBand = b.rowsPerBand;
        this.threshold = b.threshold;
        this.minShingles = b.minShingles;
        this.seeds = new long[hashes];
        long s = 0x9E3779B97F4A7C15L;
        for (int i = 0; i < hashes; i++) {
            s = mix(s + 0x9E3779B97F4A7C15L);
            seeds[i] = s;
        }
    }

    /** A signer with the default settings. */
    public static StorySigner create() {
        return builder().build();
    }

    /** A builder, to change shingle size, signature length or threshold. */
    public static Builder builder() {
        return new Builder();
    }

    /** The duplicate threshold on estimated Jaccard similarity. */
    public double threshold() {
        return threshold;
    }

    /**
     * Signs a text (title and text together, as the job sees them).
     *
     * @param text the text, null counts as empty
     * @return its signature; not comparable (no band keys) when the text is too short
     */
    public StorySignature sign(String text) {
        Set<Long> shingles = shingles(text == null ? "" : text);
        long[] mins = new long[hashes];
        java.util.Arrays.fill(mins, Long.MAX_VALUE);
        if (shingles.isEmpty()) {
            return new StorySignature(new long[0], new long[0], 0);
        }
        for (long sh : shingles) {
            for (int i = 0; i < hashes; i++) {
                long v = mix(sh ^ seeds[i]);
                if (v < mins[i]) {
                    mins[i] = v;
                }
            }
        }
        return new StorySignature(mins, bands(mins, shingles.size()), shingles.size());
    }

    /**
     * Rebuilds a signature stored with {@link StorySignature#toBytes()}, with its band keys, so that a document indexed
     * by an earlier run can be compared with new ones without signing its text again.
     *
     * @param stored the bytes of {@link StorySignature#toBytes()}
     * @return the signature, equal to the one stored
     * @throws IllegalArgumentException when the bytes were not made by a signer with this signer's number of hashes
     */
    public StorySignature fromBytes(byte[] stored) {
        if (stored == null || stored.length < Integer.BYTES) {
            throw new IllegalArgumentException("stored story signature is empty or truncated: "
                    + (stored == null ? "null" : stored.length + " bytes"));
        }
        ByteBuffer in = ByteBuffer.wrap(stored);
        int shingleCount = in.getInt();
        int values = in.remaining() / Long.BYTES;
        if (shingleCount < 0
                || in.remaining() % Long.BYTES != 0
                || (shingleCount == 0 ? values != 0 : values != hashes)) {
            throw new IllegalArgumentException(
                    "stored story signature does not fit this signer: " + shingleCount + " shingles and "
                            + in.remaining() + " bytes of values, expected " + hashes + " values of 8 bytes");
        }
        long[] mins = new long[values];
        in.asLongBuffer().get(mins);
        return new StorySignature(mins, bands(mins, shingleCount), shingleCount);
    }

    /** The LSH band hashes of a signature; none when the text has too few shingles to be compared. */
    private long[] bands(long[] mins, int shingleCount) {
        if (shingleCount < minShingles) {
            return new long[0];
        }
        long[] bands = new long[hashes / rowsPerBand];
        for (int b = 0; b < bands.length; b++) {
            long h = 0x51AF_D7ED_558C_CD1DL + b;
            for (int r = b * rowsPerBand; r < (b + 1) * rowsPerBand; r++) {
                h = mix(h ^ mins[r]);
            }
            bands[b] = h;
        }
        return bands;
    }

    /**
     * Estimated Jaccard similarity of the two texts' shingle sets: the share of equal MinHash values.
     *
     * @return in [0, 1]; 0 when either text had no words
     */
    public double similarity(StorySignature a, StorySignature b) {
        if (a.size() == 0 || b.size() == 0) {
            return 0;
        }
        if (a.size() != b.size()) {
            throw new IllegalArgumentException("signatures of different lengths: " + a.size() + " and " + b.size());
        }
        int same = 0;
        for (int i = 0; i < a.size(); i++) {
            if (a.minHash(i) == b.minHash(i)) {
                same++;
            }
        }
        return (double) same / a.size();
    }

    /** Whether two signed texts are the same story: both comparable and similarity at or above the threshold. */
    public boolean isDuplicate(StorySignature a, StorySignature b) {
        return a.isComparable() && b.isComparable() && similarity(a, b) >= threshold;
    }

    /** Hashes of the word shingles of a text (exact; the signature estimates their Jaccard similarity). */
    Set<Long> shingles(String text) {
        List<Token> tokens = TextNormalizer.tokenize(text);
        List<String> words = new ArrayList<>(tokens.size());
        for (Token t : tokens) {
            words.add(t.bare());
        }
        Set<Long> out = new HashSet<>();
        if (words.isEmpty()) {
            return out;
        }
        int k = Math.min(shingleSize, words.size());
        for (int i = 0; i + k <= words.size(); i++) {
            long h = 0xCBF29CE484222325L;
            for (int j = i; j < i + k; j++) {
                String w = words.get(j);
                for (int c = 0; c < w.length(); c++) {
                    h = (h ^ w.charAt(c)) * 0x100000001B3L;
                }
                h = (h ^ ' ') * 0x100000001B3L;
            }
            out.add(mix(h));
        }
        return out;
    }

    /** SplitMix64 finaliser: a cheap, well-spread 64-bit permutation. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Builder for {@link StorySigner}; {@link #build()} checks the settings fit together. */
    public static final class Builder {
        private int shingleSize = DEFAULT_SHINGLE_SIZE;
        private int hashes = DEFAULT_HASHES;
        private int rowsPerBand = DEFAULT_ROWS_PER_BAND;
        private double threshold = DEFAULT_THRESHOLD;
        private int minShingles = DEFAULT_MIN_SHINGLES;

        private Builder() {}

        /** Words per shingle, 1 to 5. */
        public Builder shingleSize(int words) {
            if (words < 1 || words > 5) {
                throw new IllegalArgumentException("shingle size must be between 1 and 5 words: " + words);
            }
            this.shingleSize = words;
            return this;
        }

        /** MinHash values per signature, 16 to 1024. */
        public Builder hashes(int n) {
            if (n < 16 || n > 1024) {
                throw new IllegalArgumentException("number of hashes must be between 16 and 1024: " + n);
            }
            this.hashes = n;
            return this;
        }

        /** MinHash values per LSH band, 1 to 32; must divide the number of hashes. */
        public Builder rowsPerBand(int rows) {
            if (rows < 1 || rows > 32) {
                throw new IllegalArgumentException("rows per band must be between 1 and 32: " + rows);
            }
            this.rowsPerBand = rows;
            return this;
        }

        /** Duplicate threshold on estimated Jaccard similarity, in (0, 1]. */
        public Builder threshold(double t) {
            if (!(t > 0 && t <= 1)) {
                throw new IllegalArgumentException("duplicate threshold must be in (0, 1]: " + t);
            }
            this.threshold = t;
            return this;
        }

        /** Distinct shingles a text needs to be compared, at least 1. */
        public Builder minShingles(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("minimum shingles must be at least 1: " + n);
            }
            this.minShingles = n;
            return this;
        }

        /** Checks that bands divide the signature and builds the signer. */
        public StorySigner build() {
            if (hashes % rowsPerBand != 0) {
                throw new IllegalArgumentException(
                        "rows per band (" + rowsPerBand + ") must divide the number of hashes (" + hashes + ")");
            }
            return new StorySigner(this);
        }
    }
}
