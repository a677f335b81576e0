package dev.vigie.nlp.dedup;

import java.io.Serializable;
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

  private static final long serialVersionUID = 1L;

  private final long[] minHashes;
  private final List<String> bandKeys;
  private final int shingleCount;

  StorySignature(long[] minHashes, List<String> bandKeys, int shingleCount) {
    if (shingleCount < 0) {
      throw new IllegalArgumentException("shingle count must be >= 0: " + shingleCount);
    }
    this.minHashes = minHashes.clone();
    this.bandKeys = List.copyOf(bandKeys);
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

  /**
   * The LSH band keys ({@code "b07-3f2a9c..."}): equal keys mark candidate duplicates. Empty for a text too short to
   * have a story (see {@link StorySigner.Builder#minShingles(int)}).
   */
  public List<String> bandKeys() {
    return bandKeys;
  }

  /** Number of distinct shingles of the text. */
  public int shingleCount() {
    return shingleCount;
  }

  /** Whether the text had enough words to be compared at all. */
  public boolean isComparable() {
    return !bandKeys.isEmpty();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StorySignature s && s.shingleCount == shingleCount && Arrays.equals(s.minHashes, minHashes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(minHashes) * 31 + shingleCount;
  }

  @Override
  public String toString() {
    return "StorySignature[" + shingleCount + " shingles, " + bandKeys.size() + " bands]";
  }
}
