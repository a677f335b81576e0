package dev.vigie.nlp.eval;

import dev.vigie.nlp.alert.AlertMatcher;
import dev.vigie.nlp.alert.AlertRule;
import dev.vigie.nlp.brand.BrandMatcher;
import dev.vigie.nlp.brand.BrandSpec;
import dev.vigie.nlp.enrich.Enricher;
import dev.vigie.nlp.enrich.Enrichment;
import dev.vigie.nlp.enrich.EnrichmentInput;
import dev.vigie.nlp.internal.embed.SentenceEncoder;
import dev.vigie.nlp.sentiment.EnglishSentimentScorer;
import dev.vigie.nlp.sentiment.Sentiment;
import dev.vigie.nlp.sentiment.SentimentAnalyzer;
import dev.vigie.nlp.theme.Theme;
import dev.vigie.nlp.theme.ThemeClassifier;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Throughput of the whole enrichment chain ({@link Enricher}: language, sentiment, themes, brands, story
 * signature, alerts) on one thread, on short posts, for each way of using CoreNLP for English, with the heap in use
 * once every model is loaded. {@code --corenlp NEVER} measures the default only (the others load CoreNLP).
 *
 * <pre>
 * mvn -B -q -o -pl nlp test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.vigie.nlp.eval.ChainBenchmark -Dexec.args="--docs 2000 --rules 1000"
 * </pre>
 * Posts alternate DEFT 2017 French tweets and VADER English snippets (Amazon and movie reviews). The watch has four
 * themes with a few examples each, a brand and two competitors, and {@code --rules} alert rules built from the
 * posts' own frequent words (AND, OR, NOT and phrases), so that some match.
 */
public final class ChainBenchmark {

    private static final int WARM_UP = 200;

    private ChainBenchmark() {}

    public static void main(String[] args) throws IOException {
        String data = null;
        int docs = 2000;
        int rules = 1000;
        List<EnglishSentimentScorer.CoreNlpUse> modes = List.of(EnglishSentimentScorer.CoreNlpUse.values());
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data" -> data = args[++i];
                case "--docs" -> docs = Integer.parseInt(args[++i]);
                case "--rules" -> rules = Integer.parseInt(args[++i]);
                case "--corenlp" ->
                    modes = java.util.Arrays.stream(args[++i].split(","))
                            .map(m -> EnglishSentimentScorer.CoreNlpUse.valueOf(
                                    m.trim().toUpperCase(Locale.ROOT)))
                            .toList();
                default ->
                    throw new IllegalArgumentException("unknown argument: " + args[i]
                            + " (expected --data DIR, --docs N, --rules N, --corenlp NEVER,WHEN_UNCERTAIN,ALWAYS)");
            }
        }
        Path dir = DataSets.dataDir(data);
        List<String> english = SentimentBenchmark.englishPosts(dir, docs + WARM_UP);
        List<String> french = new ArrayList<>();
        DataSets.deft(dir, "train").forEach(t -> french.add(t.text()));
        DataSets.deft(dir, "val").forEach(t -> french.add(t.text()));
        List<String> posts = new ArrayList<>();
        for (int i = 0; posts.size() < docs + WARM_UP; i++) {
            posts.add(french.get(i % french.size()));
            posts.add(english.get(i % english.size()));
        }
        List<AlertRule> alertRules = rules(posts, rules);
        System.out.printf(
                Locale.ROOT,
                "Enrichment chain, one thread, %d short posts (half French tweets, half English snippets) "
                        + "after %d of warm-up; %d alert rules, 4 themes, 3 brands%n",
                docs,
                WARM_UP,
                alertRules.size());
        System.out.println(
                "rates per second of this thread's CPU time (wall-clock rates in brackets: the machine may be shared)");
        System.out.printf(
                Locale.ROOT,
                "%-32s %10s %10s %14s %12s %8s %8s%n",
                "English sentiment",
                "posts/s",
                "ms/post",
                "(wall posts/s)",
                "via CoreNLP",
                "alerts",
                "heap MB");
        for (EnglishSentimentScorer.CoreNlpUse use : modes) {
            SentimentAnalyzer sentiment =
                    SentimentAnalyzer.builder().coreNlpUse(use).build();
            try (Enricher enricher = Enricher.builder("bench")
                    .sentiment(sentiment)
                    .themes(ThemeClassifier.train(themes()))
                    .brands(BrandMatcher.of(List.of(
                            new BrandSpec("EDF", BrandSpec.Role.BRAND, List.of("@EDFofficiel", "edf.fr")),
                            new BrandSpec("Amazon", BrandSpec.Role.COMPETITOR, List.of("amazon.com")),
                            new BrandSpec("Engie", BrandSpec.Role.COMPETITOR, List.of()))))
                    .alerts(AlertMatcher.open(alertRules))
                    .build()) {
                for (int i = 0; i < WARM_UP; i++) {
                    enricher.enrich(EnrichmentInput.ofText("w" + i, posts.get(i)));
                }
                int viaCoreNlp = 0;
                int alerts = 0;
                boolean social = use == EnglishSentimentScorer.CoreNlpUse.NEVER;
                long embeddedBefore = social ? SentenceEncoder.shared().texts() : 0;
                long start = System.nanoTime();
                long cpuStart = SentimentBenchmark.cpuNanos();
                for (int i = WARM_UP; i < WARM_UP + docs; i++) {
                    Enrichment e = enricher.enrich(EnrichmentInput.ofText("d" + i, posts.get(i)));
                    if (e.sentiment().method() == Sentiment.Method.CORENLP_COMBINED) {
                        viaCoreNlp++;
                    }
                    alerts += e.alerts().size();
                }
                double cpu = (SentimentBenchmark.cpuNanos() - cpuStart) / 1e9;
                double wall = (System.nanoTime() - start) / 1e9;
                String name = use.name().toLowerCase(Locale.ROOT).replace('_', ' ');
                System.out.printf(
                        Locale.ROOT,
                        "%-32s %10.1f %10.2f %14s %11.0f%% %8d %8d%n",
                        use == SentimentAnalyzer.Builder.DEFAULT_CORENLP_USE
                                ? "CoreNLP " + name + " (default)"
                                : "CoreNLP " + name,
                        docs / cpu,
                        1000 * cpu / docs,
                        String.format(Locale.ROOT, "(%.1f)", docs / wall),
                        100.0 * viaCoreNlp / docs,
                        alerts,
                        SentimentBenchmark.heapMb());
                if (social) {
                    System.out.printf(
                            Locale.ROOT,
                            "  sentence encoder: %d texts embedded for the %d posts (half English)%n",
                            SentenceEncoder.shared().texts() - embeddedBefore,
                            docs);
                }
            }
        }
    }

    private static List<Theme> themes() {
        return List.of(
                new Theme(
                        "energy",
                        "Énergie",
                        List.of(
                                "Les énergies renouvelables progressent en France",
                                "Wind and solar power capacity grew again this year"),
                        List.of("énergie", "éolienne", "solaire", "energy")),
                new Theme(
                        "product",
                        "Produit",
                        List.of(
                                "The new model has a better battery and a sharper screen",
                                "La nouvelle version de l'application est disponible"),
                        List.of("battery", "version", "product")),
                new Theme(
                        "film",
                        "Cinéma",
                        List.of("The film is a thriller with a great cast", "Ce film est une comédie réussie"),
                        List.of("film", "movie", "cinéma")),
                new Theme(
                        "climate",
                        "Climat",
                        List.of(
                                "Le réchauffement climatique menace la biodiversité",
                                "Climate change threatens coastal cities"),
                        List.of("climat", "climate", "biodiversité")));
    }

    /** Rules of realistic shape from the posts' frequent words: a AND b, "a b", a OR b, a NOT b. */
    static List<AlertRule> rules(List<String> posts, int n) {
        Map<String, Integer> counts = new HashMap<>();
        for (String p : posts) {
            for (String w : p.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
                if (w.length() > 4) {
                    counts.merge(w, 1, Integer::sum);
                }
            }
        }
        List<String> words = counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .map(Map.Entry::getKey)
                .limit(2000)
                .toList();
        List<AlertRule> out = new ArrayList<>();
        for (int i = 0; out.size() < n; i++) {
            String a = words.get(i % words.size());
            String b = words.get((i * 7 + 13) % words.size());
            String query = switch (i % 4) {
                case 0 -> a + " AND " + b;
                case 1 -> "\"" + a + " " + b + "\"";
                case 2 -> a + " OR " + b;
                default -> a + " NOT " + b;
            };
            out.add(new AlertRule("bench", "r" + i, query, Set.of(), Set.of()));
        }
        return out;
    }
}
