/**
 * Stories: near-duplicate detection with MinHash over word shingles and LSH band keys, so that syndicated copies of
 * one article share a {@code story_id}.
 *
 * <pre>{@code
 * StorySigner signer = StorySigner.create();                  // thread-safe
 * StorySignature sig = signer.sign(title + "\n" + text);
 * sig.bandKeys();             // candidates share one of these keys (store them to find earlier copies)
 * sig.toBytes();              // store it too; signer.fromBytes(bytes) gives it back, band keys included
 * signer.isDuplicate(a, b);   // estimated Jaccard >= threshold
 *
 * StoryClusterer clusterer = new StoryClusterer(signer);      // one per batch
 * clusterer.remember(new StoryClusterer.Earlier(id, storyId, publishedAt, sig));   // documents of earlier runs
 * clusterer.assign(items);    // story id = id of the earliest member, or the story of an earlier run's copy
 * }</pre>
 *
 * <p>{@code StoryEvaluation} (test sources) measures precision and recall (pairs, and whole batches); {@code StoryBenchmark} the
 * clustering speed on a large batch.
 */
package dev.vigie.nlp.dedup;
