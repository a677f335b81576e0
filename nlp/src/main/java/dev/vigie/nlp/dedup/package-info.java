/**
 * Stories: near-duplicate detection with MinHash over word shingles and LSH band keys, so that syndicated copies of
 * one article share a {@code story_id}.
 *
 * <pre>{@code
 * StorySigner signer = StorySigner.create();                  // thread-safe
 * StorySignature sig = signer.sign(title + "\n" + text);
 * sig.bandKeys();             // group candidates by these keys (a batch job can keyBy band key)
 * signer.isDuplicate(a, b);   // estimated Jaccard >= threshold
 * new StoryClusterer(signer).assign(items);   // story id = id of the earliest member
 * }</pre>
 */
package dev.vigie.nlp.dedup;
