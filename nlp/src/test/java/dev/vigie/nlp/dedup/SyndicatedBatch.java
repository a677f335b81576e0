package dev.vigie.nlp.dedup;

import dev.vigie.nlp.internal.data.SampleTexts;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A batch of documents as a run of a busy watch sees it, with the story each one truly belongs to: for
 * {@link StoryEvaluation} (how well stories are found) and {@link StoryBenchmark} (how fast).
 *
 * <p>Originals are real AG News items (title and description), then, when the batch needs more stories than AG News
 * has, texts of 25 to 60 words drawn from AG News' own words (unrelated to each other, like most posts of a day).
 * A share of the batch are copies, made as {@link StoryEvaluation#syndicate} makes them; a quarter are copies of an
 * earlier copy rather than of the original (an aggregator re-publishing a re-publisher). Copies go to the AG News
 * stories with a Zipf law (the n-th story gets 1/n of the first's copies): most stories have a few copies, one has
 * thousands, as a wire story or a press release carried everywhere. Originals are published over a week, copies
 * within two days of what they copy.
 */
final class SyndicatedBatch {

    /** Share of copies made from an earlier copy instead of the original. */
    private static final double CHAINED_SHARE = 0.25;
    /** Copies per story that has copies, on average. */
    private static final int COPIES_PER_STORY = 5;

    private static final long START = 1_767_571_200_000L; // 2026-01-05T00:00:00Z
    private static final long MINUTE = 60_000L;
    private static final long DAY = 24 * 60 * MINUTE;

    /**
     * One document.
     *
     * @param id its id (random, so that ids say nothing of stories)
     * @param publishedAtMillis publication time
     * @param text title and body
     * @param story the index of the story it truly belongs to
     * @param copyOf the id of the document it was copied from, or {@code null} for an original
     */
    record Doc(String id, long publishedAtMillis, String text, int story, String copyOf) {}

    /** How a clustering compares with the true stories. */
    record Score(double pairPrecision, double pairRecall, double copiesWithSource, int wrongMerges, int stories) {}

    private SyndicatedBatch() {}

    /**
     * Builds a batch.
     *
     * @param news AG News items
     * @param size documents in the batch
     * @param copyShare share of them that are copies, in [0, 1)
     * @param rnd the random source (seeded: same batch every time)
     * @return the documents, shuffled
     */
    static List<Doc> build(List<SampleTexts.NewsItem> news, int size, double copyShare, Random rnd) {
        if (size < 1 || !(copyShare >= 0 && copyShare < 1)) {
            throw new IllegalArgumentException(
                    "batch needs at least one document and a copy share in [0, 1): " + size + ", " + copyShare);
        }
        int copies = (int) Math.round(size * copyShare);
        int originals = size - copies;
        List<SampleTexts.NewsItem> pool = distinct(news);
        Collections.shuffle(pool, rnd);
        List<String> words = words(news);
        int[] ids = shuffledRange(size, rnd);
        List<Doc> docs = new ArrayList<>(size);
        List<SampleTexts.NewsItem> texts = new ArrayList<>(size);
        for (int s = 0; s < originals; s++) {
            SampleTexts.NewsItem item = s < pool.size() ? pool.get(s) : synthetic(words, rnd);
            texts.add(item);
            docs.add(new Doc(id(ids[s]), START + (long) (rnd.nextDouble() * 7 * DAY), text(item), s, null));
        }
        int withCopies = Math.max(1, Math.min(Math.min(originals, pool.size()), copies / COPIES_PER_STORY));
        double[] cumulative = new double[withCopies];
        double total = 0;
        for (int k = 0; k < withCopies; k++) {
            total += 1.0 / (k + 1);
            cumulative[k] = total;
        }
        Map<Integer, List<Integer>> copiesOf = new HashMap<>();
        for (int c = 0; c < copies; c++) {
            int at = Arrays.binarySearch(cumulative, rnd.nextDouble() * total);
            int story = at >= 0 ? at : Math.min(withCopies - 1, -at - 1);
            List<Integer> earlier = copiesOf.computeIfAbsent(story, k -> new ArrayList<>());
            int base = story;
            if (!earlier.isEmpty() && rnd.nextDouble() < CHAINED_SHARE) {
                base = earlier.get(rnd.nextInt(earlier.size()));
            }
            SampleTexts.NewsItem copy = StoryEvaluation.syndicateItem(texts.get(base), rnd);
            int index = docs.size();
            texts.add(copy);
            docs.add(new Doc(
                    id(ids[index]),
                    docs.get(base).publishedAtMillis() + MINUTE + (long) (rnd.nextDouble() * 2 * DAY),
                    text(copy),
                    story,
                    docs.get(base).id()));
            earlier.add(index);
        }
        Collections.shuffle(docs, rnd);
        return docs;
    }

    /**
     * Scores story ids against the true stories: precision and recall over pairs of documents put in one story, the
     * share of copies that share a story with the document they copy, and the stories found that mix true ones.
     *
     * @param docs the batch
     * @param storyOf story id found for each document id
     */
    static Score score(List<Doc> docs, Map<String, String> storyOf) {
        Map<Integer, Long> perTruth = new HashMap<>();
        Map<String, Long> perFound = new HashMap<>();
        Map<String, Long> perBoth = new HashMap<>();
        Map<String, Set<Integer>> truthsOfFound = new HashMap<>();
        Map<String, String> byId = new HashMap<>();
        int copies = 0;
        for (Doc d : docs) {
            String found = storyOf.get(d.id());
            if (found == null) {
                throw new IllegalArgumentException("no story found for " + d.id());
            }
            byId.put(d.id(), found);
            perTruth.merge(d.story(), 1L, Long::sum);
            perFound.merge(found, 1L, Long::sum);
            perBoth.merge(d.story() + "\u0000" + found, 1L, Long::sum);
            truthsOfFound.computeIfAbsent(found, k -> new HashSet<>()).add(d.story());
        }
        int together = 0;
        for (Doc d : docs) {
            if (d.copyOf() != null) {
                copies++;
                if (byId.get(d.id()).equals(byId.get(d.copyOf()))) {
                    together++;
                }
            }
        }
        long both = pairs(perBoth.values());
        long found = pairs(perFound.values());
        long truth = pairs(perTruth.values());
        int wrongMerges =
                (int) truthsOfFound.values().stream().filter(t -> t.size() > 1).count();
        return new Score(
                found == 0 ? 1 : (double) both / found,
                truth == 0 ? 1 : (double) both / truth,
                copies == 0 ? 1 : (double) together / copies,
                wrongMerges,
                perFound.size());
    }

    private static long pairs(Iterable<Long> sizes) {
        long sum = 0;
        for (long n : sizes) {
            sum += n * (n - 1) / 2;
        }
        return sum;
    }

    private static List<SampleTexts.NewsItem> distinct(List<SampleTexts.NewsItem> news) {
        Set<String> seen = new HashSet<>();
        List<SampleTexts.NewsItem> out = new ArrayList<>();
        for (SampleTexts.NewsItem n : news) {
            if (seen.add(n.description()) && seen.add("title:" + n.title())) {
                out.add(n);
            }
        }
        return out;
    }

    private static List<String> words(List<SampleTexts.NewsItem> news) {
        List<String> words = new ArrayList<>();
        for (SampleTexts.NewsItem n : news) {
            words.addAll(List.of(n.description().split("\\s+")));
        }
        return words;
    }

    private static SampleTexts.NewsItem synthetic(List<String> words, Random rnd) {
        int length = 25 + rnd.nextInt(36);
        StringBuilder body = new StringBuilder();
        for (int w = 0; w < length; w++) {
            body.append(w == 0 ? "" : " ").append(words.get(rnd.nextInt(words.size())));
        }
        String text = body.toString();
        int titleEnd = text.indexOf(' ', Math.min(text.length() - 1, 40));
        return new SampleTexts.NewsItem(0, titleEnd < 0 ? text : text.substring(0, titleEnd), text);
    }

    private static int[] shuffledRange(int n, Random rnd) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return a;
    }

    private static String id(int n) {
        return String.format("d%07d", n);
    }

    private static String text(SampleTexts.NewsItem item) {
        return item.title() + ". " + item.description();
    }
}
