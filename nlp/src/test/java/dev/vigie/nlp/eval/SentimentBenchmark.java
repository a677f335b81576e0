package dev.vigie.nlp.eval;

import dev.vigie.nlp.sentiment.EnglishSentimentScorer;
import dev.vigie.nlp.sentiment.LabelledText;
import dev.vigie.nlp.sentiment.LexiconScorer;
import dev.vigie.nlp.sentiment.Sentiment;
import dev.vigie.nlp.sentiment.SentimentAnalyzer;
import dev.vigie.nlp.sentiment.SentimentScorer;
import dev.vigie.nlp.sentiment.TrainedSentimentModel;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Sentiment throughput on one thread: documents and sentences per second for each way of scoring English (without
 * CoreNLP, CoreNLP when the lexicon is unsure, CoreNLP always), for French (shipped lexicon, trained model), and the
 * heap in use once the models are loaded.
 *
 * <pre>
 * mvn -B -q -o -pl nlp test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.vigie.nlp.eval.SentimentBenchmark -Dexec.args="--docs 2000"
 * </pre>
 * English documents are Amazon review snippets and movie review snippets of the VADER set, alternated (short
 * product and opinion texts); French ones are DEFT 2017 tweets, and Allociné train reviews for the default French
 * scorer (phrasing rules around the lexicon, as {@code SentimentAnalyzer} answers "fr"). Each run warms up on 200
 * documents first. {@code --lang en} or {@code --lang fr} runs one language's rows only.
 */
public final class SentimentBenchmark {

    private static final int WARM_UP = 200;

    private SentimentBenchmark() {}

    public static void main(String[] args) throws IOException {
        String data = null;
        int docs = 2000;
        String lang = "all";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data" -> data = args[++i];
                case "--docs" -> docs = Integer.parseInt(args[++i]);
                case "--lang" -> lang = args[++i];
                default ->
                    throw new IllegalArgumentException(
                            "unknown argument: " + args[i] + " (expected --data DIR, --docs N, --lang en|fr|all)");
            }
        }
        if (!List.of("en", "fr", "all").contains(lang)) {
            throw new IllegalArgumentException("--lang " + lang + ": expected en, fr or all");
        }
        Path dir = DataSets.dataDir(data);
        System.out.printf(
                Locale.ROOT,
                "Sentiment, one thread, %s, %d documents after %d of warm-up%n",
                System.getProperty("java.vm.name") + " " + Runtime.version(),
                docs,
                WARM_UP);
        System.out.println(
                "rates per second of this thread's CPU time (wall-clock rates in brackets: the machine may be shared)");
        System.out.printf(
                Locale.ROOT,
                "%-34s %10s %12s %12s %12s %10s%n",
                "scorer",
                "docs/s",
                "sentences/s",
                "(wall docs/s)",
                "via CoreNLP",
                "heap MB");
        if (!lang.equals("fr")) {
            english(dir, docs);
        }
        if (!lang.equals("en")) {
            french(dir, docs);
        }
    }

    private static void english(Path dir, int docs) throws IOException {
        List<String> english = englishPosts(dir, docs + WARM_UP);
        run(
                "en social model (default)",
                EnglishSentimentScorer.create(EnglishSentimentScorer.CoreNlpUse.NEVER, 0, 600),
                english,
                docs);
        for (EnglishSentimentScorer.CoreNlpUse use :
                List.of(EnglishSentimentScorer.CoreNlpUse.WHEN_UNCERTAIN, EnglishSentimentScorer.CoreNlpUse.ALWAYS)) {
            SentimentScorer scorer = EnglishSentimentScorer.create(
                    use,
                    SentimentAnalyzer.Builder.DEFAULT_UNCERTAINTY_MARGIN,
                    SentimentAnalyzer.Builder.DEFAULT_CORENLP_MAX_CHARS);
            String name = "en review model, CoreNLP "
                    + use.name().toLowerCase(Locale.ROOT).replace('_', ' ');
            run(
                    use == SentimentAnalyzer.Builder.DEFAULT_CORENLP_USE ? name + " (default)" : name,
                    scorer,
                    english,
                    docs);
        }
    }

    private static void french(Path dir, int docs) throws IOException {
        List<String> french = new ArrayList<>();
        DataSets.deft(dir, "train").forEach(t -> french.add(t.text()));
        DataSets.deft(dir, "val").forEach(t -> french.add(t.text()));
        List<String> reviews = new ArrayList<>();
        DataSets.allocine(dir, "train").forEach(t -> reviews.add(t.text()));
        SentimentAnalyzer analyzer = SentimentAnalyzer.builder().build();
        SentimentScorer byDefault = text -> analyzer.analyze(text, "fr");
        run("fr default (rules + lexicon), DEFT", byDefault, cycle(french, docs + WARM_UP), docs);
        run("fr default, Allociné reviews", byDefault, cycle(reviews, docs + WARM_UP), docs);
        run("fr shipped lexicon", LexiconScorer.french(), cycle(french, docs + WARM_UP), docs);
        List<LabelledText> train = DataSets.deft(dir, "train");
        run(
                "fr model trained on DEFT train",
                TrainedSentimentModel.train(train, TrainedSentimentModel.Settings.DEFAULT),
                cycle(french, docs + WARM_UP),
                docs);
    }

    /** Alternates Amazon and movie snippets. */
    static List<String> englishPosts(Path dir, int n) throws IOException {
        List<DataSets.Snippet> amazon = DataSets.vader(dir, DataSets.VaderCorpus.AMAZON);
        List<DataSets.Snippet> movie = DataSets.vader(dir, DataSets.VaderCorpus.MOVIE);
        List<String> out = new ArrayList<>();
        for (int i = 0; out.size() < n; i++) {
            out.add(amazon.get(i % amazon.size()).text());
            out.add(movie.get(i % movie.size()).text());
        }
        return out.subList(0, n);
    }

    static List<String> cycle(List<String> texts, int n) {
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(texts.get(i % texts.size()));
        }
        return out;
    }

    private static void run(String name, SentimentScorer scorer, List<String> texts, int docs) {
        for (int i = 0; i < WARM_UP; i++) {
            scorer.score(texts.get(i));
        }
        List<String> measured = texts.subList(WARM_UP, WARM_UP + docs);
        long sentences =
                measured.stream().mapToLong(SentimentBenchmark::sentences).sum();
        int viaCoreNlp = 0;
        long start = System.nanoTime();
        long cpuStart = cpuNanos();
        for (String text : measured) {
            Sentiment s = scorer.score(text);
            if (s.method() == Sentiment.Method.CORENLP_COMBINED) {
                viaCoreNlp++;
            }
        }
        double cpu = (cpuNanos() - cpuStart) / 1e9;
        double wall = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                Locale.ROOT,
                "%-34s %10.1f %12.1f %13s %11.0f%% %10d%n",
                name,
                docs / cpu,
                sentences / cpu,
                String.format(Locale.ROOT, "(%.1f)", docs / wall),
                100.0 * viaCoreNlp / docs,
                heapMb());
    }

    static long sentences(String text) {
        BreakIterator it = BreakIterator.getSentenceInstance(Locale.ROOT);
        it.setText(text);
        long n = 0;
        for (int end = it.next(); end != BreakIterator.DONE; end = it.next()) {
            n++;
        }
        return Math.max(1, n);
    }

    /** CPU time of the current thread: throughput per thread that other processes on the machine do not skew. */
    static long cpuNanos() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    /** Heap in use after a full collection, in MB: what the loaded models hold. */
    static long heapMb() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024);
    }
}
