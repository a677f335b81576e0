package dev.vigie.nlp.alert;

import dev.vigie.nlp.internal.data.SampleTexts;
import dev.vigie.nlp.text.SocialAnalyzer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.search.Query;

/**
 * Alert matching throughput with 1,000, 10,000 and 100,000 stored rules of realistic shape, one thread, beside the
 * naive baseline (every rule run against an in-memory index of each document) in the same run.
 *
 * <p>Documents: AG News items (title and description) and DEFT 2017 French tweets from the shared data folder.
 * Rules are generated from the documents' own vocabulary with a fixed seed, in the shapes analysts write: a rare
 * "brand" word with an OR group of topic words, phrases, NEAR, exclusions, wildcards, {@code title:} and hashtag
 * rules, so that a document matches a few rules, not thousands. The naive baseline runs on a sample of documents
 * (all rules each), and its matches are compared with the Monitor's on that sample.
 *
 * <pre>
 * MAVEN_OPTS=-Xmx1g mvn -B -q -pl nlp test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.vigie.nlp.alert.AlertBenchmark \
 *     [-Dexec.args="DATA_DIR SECONDS"]
 * </pre>
 */
public final class AlertBenchmark {

    private static final String WATCH = "bench";
    private static final long SEED = 42;
    private static final int[] BATCH_SIZES = {1};

    private AlertBenchmark() {}

    /**
     * @param args optional: shared data folder, then seconds of measurement per size (default 10)
     */
    public static void main(String[] args) {
        Path root = args.length > 0 ? Path.of(args[0]) : SampleTexts.defaultRoot();
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 10;
        SampleTexts data = new SampleTexts(root);
        List<AlertDocument> docs = new ArrayList<>();
        for (SampleTexts.NewsItem n : data.news()) {
            docs.add(AlertDocument.builder(WATCH, "ag-" + docs.size())
                    .title(n.title())
                    .text(n.description())
                    .language("en")
                    .build());
        }
        for (String t : data.frenchTweets()) {
            docs.add(AlertDocument.builder(WATCH, "deft-" + docs.size())
                    .text(t)
                    .language("fr")
                    .build());
        }
        java.util.Collections.shuffle(docs, new Random(SEED));
        Vocabulary vocab = Vocabulary.of(docs);
        System.out.printf(
                "%d documents (AG News items and DEFT tweets, mean %d chars), vocabulary %d terms%n%n",
                docs.size(), docs.stream().mapToInt(d -> length(d)).sum() / docs.size(), vocab.terms.size());
        System.out.println(
                "Per batch size B: d/s = documents per second of wall time; d/cpu = per second of this thread's"
                        + " CPU time (what one dedicated core gives); x = speed-up over the naive baseline, on CPU time.");
        System.out.println("naive d/cpu: every rule run on a MemoryIndex of each document, on 'sample' documents;"
                + " agree: sample documents whose matched rules are identical (naive, single, batch).");
        StringBuilder head = new StringBuilder(String.format(
                "%8s %7s %8s %8s %8s %9s %7s %8s",
                "rules", "passes", "build s", "heap MB", "match/d", "naive cpu", "sample", "agree"));
        for (int b : BATCH_SIZES) {
            head.append(String.format("  %6s %7s %7s", "B=" + b + " d/s", "d/cpu", "x"));
        }
        System.out.println(head);
        for (int size : new int[] {1_000, 10_000, 100_000}) {
            List<AlertRule> rules = generateRules(size, vocab, new Random(SEED + size));
            for (int passes : size == 100_000 ? new int[] {1, 2} : new int[] {2}) {
                run(rules, passes, docs, seconds, size);
            }
        }
    }

    private static int length(AlertDocument d) {
        return (d.title() == null ? 0 : d.title().length())
                + (d.text() == null ? 0 : d.text().length());
    }

    private static void run(List<AlertRule> rules, int passes, List<AlertDocument> docs, double seconds, int size) {
        Runtime rt = Runtime.getRuntime();
        System.gc();
        long heapBefore = rt.totalMemory() - rt.freeMemory();
        long t0 = System.nanoTime();
        try (AlertMatcher matcher =
                AlertMatcher.builder().presearcherPasses(passes).rules(rules).build()) {
            double buildSeconds = (System.nanoTime() - t0) / 1e9;
            System.gc();
            long heapMb = (rt.totalMemory() - rt.freeMemory() - heapBefore) / (1024 * 1024);
            if (!matcher.rejectedRules().isEmpty()) {
                throw new IllegalStateException("generated rules refused: "
                        + matcher.rejectedRules().get(0).describe());
            }
            for (int i = 0; i < Math.min(500, docs.size()); i++) {
                matcher.match(docs.get(i));
            }
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            double[] rate = new double[BATCH_SIZES.length];
            double[] cpuRate = new double[BATCH_SIZES.length];
            double matchesPerDoc = 0;
            for (int b = 0; b < BATCH_SIZES.length; b++) {
                int batchSize = BATCH_SIZES[b];
                long start = System.nanoTime();
                long cpuStart = threads.getCurrentThreadCpuTime();
                long deadline = start + (long) (seconds * 1e9);
                long matched = 0;
                int n = 0;
                while (System.nanoTime() < deadline || n < 200) {
                    List<AlertDocument> batch = new ArrayList<>(batchSize);
                    for (int k = 0; k < batchSize; k++) {
                        batch.add(docs.get((n + k) % docs.size()));
                    }
                    for (AlertResult r : matcher.match(batch)) {
                        matched += r.matches().size();
                    }
                    n += batchSize;
                }
                rate[b] = n / ((System.nanoTime() - start) / 1e9);
                cpuRate[b] = n / ((threads.getCurrentThreadCpuTime() - cpuStart) / 1e9);
                matchesPerDoc = (double) matched / n;
            }
            int sample = size >= 100_000 ? 20 : size >= 10_000 ? 100 : 500;
            Analyzer analyzer = AlertMatcher.documentAnalyzer();
            List<Query> queries = new ArrayList<>();
            for (AlertRule r : rules) {
                queries.add(AlertMatcher.toLuceneQuery(r.query()));
            }
            int agree = 0;
            long naiveStart = System.nanoTime();
            long naiveCpuStart = threads.getCurrentThreadCpuTime();
            List<Set<String>> naiveMatches = new ArrayList<>();
            for (int i = 0; i < sample; i++) {
                MemoryIndex index = MemoryIndex.fromDocument(AlertMatcher.toLuceneDocument(docs.get(i)), analyzer);
                Set<String> ids = new HashSet<>();
                for (int q = 0; q < queries.size(); q++) {
                    if (index.search(queries.get(q)) > 0) {
                        ids.add(rules.get(q).id());
                    }
                }
                naiveMatches.add(ids);
            }
            double naiveRate = sample / ((System.nanoTime() - naiveStart) / 1e9);
            double naiveCpuRate = sample / ((threads.getCurrentThreadCpuTime() - naiveCpuStart) / 1e9);
            List<AlertResult> batchResults = matcher.match(docs.subList(0, sample));
            for (int i = 0; i < sample; i++) {
                Set<String> monitorIds =
                        new HashSet<>(matcher.match(docs.get(i)).ruleIds());
                Set<String> batchIds = new HashSet<>(batchResults.get(i).ruleIds());
                if (monitorIds.equals(naiveMatches.get(i)) && batchIds.equals(monitorIds)) {
                    agree++;
                }
            }
            StringBuilder line = new StringBuilder(String.format(
                    "%8d %7d %8.1f %8d %8.2f %9.1f %7d %6d/%d",
                    size, passes, buildSeconds, heapMb, matchesPerDoc, naiveCpuRate, sample, agree, sample));
            for (int b = 0; b < BATCH_SIZES.length; b++) {
                line.append(String.format("  %6.0f %7.0f %6.0fx", rate[b], cpuRate[b], cpuRate[b] / naiveCpuRate));
            }
            System.out.println(line);
        }
    }

    /** Terms of the documents with their document frequency, and bigrams for phrases. */
    record Vocabulary(List<String> terms, Map<String, Integer> df, List<String[]> bigrams) {
        static Vocabulary of(List<AlertDocument> docs) {
            SocialAnalyzer analyzer = new SocialAnalyzer(SocialAnalyzer.Mode.QUERY);
            Map<String, Integer> df = new HashMap<>();
            Map<String, String> surface = new HashMap<>();
            List<String[]> bigrams = new ArrayList<>();
            for (AlertDocument d : docs) {
                String text = (d.title() == null ? "" : d.title() + " ") + (d.text() == null ? "" : d.text());
                Set<String> seen = new LinkedHashSet<>();
                List<dev.vigie.nlp.text.Token> tokens = dev.vigie.nlp.text.TextNormalizer.tokenize(text);
                String prev = null;
                for (dev.vigie.nlp.text.Token t : tokens) {
                    if (t.kind() == dev.vigie.nlp.text.Token.Kind.NUMBER
                            || t.normalized().length() < 3
                            || t.normalized().indexOf('\'') >= 0) {
                        prev = null;
                        continue;
                    }
                    String term = analyzer.terms(t.normalized()).get(0);
                    surface.putIfAbsent(term, t.normalized());
                    seen.add(surface.get(term));
                    if (prev != null && bigrams.size() < 200_000) {
                        bigrams.add(new String[] {prev, t.normalized()});
                    }
                    prev = t.normalized();
                }
                for (String s : seen) {
                    df.merge(s, 1, Integer::sum);
                }
            }
            List<String> terms = new ArrayList<>(df.keySet());
            terms.sort(String::compareTo);
            return new Vocabulary(terms, df, bigrams);
        }

        List<String> band(int minDf, int maxDf) {
            return terms.stream()
                    .filter(t -> df.get(t) >= minDf && df.get(t) <= maxDf && !t.startsWith("@"))
                    .toList();
        }
    }

    /** Rules in the shapes analysts write; most need a rare word, so a document matches a few of them. */
    static List<AlertRule> generateRules(int count, Vocabulary v, Random rnd) {
        List<String> rare = v.band(1, 6);
        // alert keywords are content words: "topical" ones are in 0.25-2.5 % of documents, "common" ones in 1-5 %
        List<String> topical = v.band(15, 150);
        List<String> common = v.band(60, 300);
        List<String> stems = v.band(3, 60).stream()
                .filter(t -> t.length() >= 6 && !t.startsWith("#"))
                .toList();
        List<String> hashtags = v.terms.stream()
                .filter(t -> t.startsWith("#") && t.length() > 3)
                .toList();
        List<AlertRule> rules = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String q;
            int shape = rnd.nextInt(100);
            String brand = pick(rare, rnd);
            if (shape < 35) {
                q = brand + " AND (" + pick(topical, rnd) + " OR " + pick(topical, rnd) + " OR " + pick(common, rnd)
                        + ")";
            } else if (shape < 50) {
                String[] bg = v.bigrams.get(rnd.nextInt(v.bigrams.size()));
                while (v.df.getOrDefault(bg[0], 0) > 30 && v.df.getOrDefault(bg[1], 0) > 30) {
                    bg = v.bigrams.get(rnd.nextInt(v.bigrams.size()));
                }
                q = "\"" + bg[0] + " " + bg[1] + "\"" + (rnd.nextBoolean() ? " -" + pick(common, rnd) : "");
            } else if (shape < 62) {
                q = brand + " NEAR/5 (" + pick(topical, rnd) + " OR " + pick(topical, rnd) + ")";
            } else if (shape < 75) {
                q = "(" + brand + " OR " + pick(rare, rnd) + ") AND " + pick(common, rnd) + " NOT "
                        + pick(topical, rnd);
            } else if (shape < 83) {
                String w = pick(stems, rnd);
                String prefix = w.substring(0, w.length() - 2);
                q = prefix + "* AND " + pick(topical, rnd);
            } else if (shape < 90) {
                q = "title:" + brand + (rnd.nextBoolean() ? " lang:en" : "");
            } else if (shape < 95 && !hashtags.isEmpty()) {
                q = pick(hashtags, rnd) + " OR \"" + brand + " " + pick(rare, rnd) + "\"~3";
            } else {
                q = brand + " " + pick(common, rnd);
            }
            rules.add(AlertRule.of(WATCH, "r" + i, q));
        }
        return rules;
    }

    private static String pick(List<String> list, Random rnd) {
        return list.get(rnd.nextInt(list.size()));
    }
}
