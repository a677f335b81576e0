package dev.vigie.nlp.dedup;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Gives each document a story id: the id of the earliest document of its story.
 *
 * <p>Use: {@link #remember(String, StorySignature)} the documents of earlier runs that share a band key with the
 * batch (their story ids come from Elasticsearch), then {@link #assign(List)} the batch. Documents are taken in
 * order of publication time, then id, so the outcome does not depend on arrival order and a rerun gives the same
 * ids. A document joins the story of the most similar earlier document that shares a band key and reaches the
 * signer's threshold; otherwise it starts a story under its own id.
 *
 * <p>Not thread-safe: one instance per batch (per watch, in one Flink task).
 */
public final class StoryClusterer {

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

  /** The story of a document and, when it is a copy, the document it copies. */
  public record Assignment(String id, String storyId, String duplicateOf, double similarity) {}

  private record Member(String storyId, String id, StorySignature signature) {}

  private final StorySigner signer;
  private final Map<String, List<Member>> byBand = new HashMap<>();

  /**
   * @param signer the signer that made the signatures (its threshold decides)
   */
  public StoryClusterer(StorySigner signer) {
    if (signer == null) {
      throw new IllegalArgumentException("signer must not be null");
    }
    this.signer = signer;
  }

  /**
   * Records a document of an earlier run with its known story id, so new copies join that story.
   *
   * @param storyId the story id stored for it
   * @param signature its signature
   */
  public void remember(String storyId, StorySignature signature) {
    if (storyId == null || storyId.isBlank() || signature == null) {
      throw new IllegalArgumentException("remembered story needs an id and a signature: " + storyId);
    }
    index(new Member(storyId, storyId, signature));
  }

  /**
   * Assigns story ids to a batch.
   *
   * @param items the batch, in any order
   * @return one assignment per item, in order of publication time then id
   */
  public List<Assignment> assign(List<Item> items) {
    List<Item> sorted = new ArrayList<>(items);
    sorted.sort(Comparator.comparingLong(Item::publishedAtMillis).thenComparing(Item::id));
    List<Assignment> out = new ArrayList<>(sorted.size());
    for (Item item : sorted) {
      Member best = null;
      double bestSim = -1;
      for (String band : item.signature().bandKeys()) {
        for (Member m : byBand.getOrDefault(band, List.of())) {
          double sim = signer.similarity(item.signature(), m.signature());
          if (sim > bestSim || (sim == bestSim && best != null && m.id().compareTo(best.id()) < 0)) {
            bestSim = sim;
            best = m;
          }
        }
      }
      if (best != null && bestSim >= signer.threshold()) {
        out.add(new Assignment(item.id(), best.storyId(), best.id(), bestSim));
        index(new Member(best.storyId(), item.id(), item.signature()));
      } else {
        out.add(new Assignment(item.id(), item.id(), null, 0));
        index(new Member(item.id(), item.id(), item.signature()));
      }
    }
    return out;
  }

  private void index(Member m) {
    for (String band : m.signature().bandKeys()) {
      byBand.computeIfAbsent(band, k -> new ArrayList<>()).add(m);
    }
  }
}
