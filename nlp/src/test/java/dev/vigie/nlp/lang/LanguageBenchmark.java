package dev.vigie.nlp.lang;

import dev.vigie.nlp.internal.data.SampleTexts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Accuracy and speed of {@link LanguageDetector} on short real texts of the shared data folder: French tweets
 * (DEFT 2017), English review and editorial snippets (VADER) and English news titles (AG News), with every built-in
 * profile, with 8 European languages, and with French and English only.
 *
 * <pre>
 * mvn -B -o -q -pl nlp test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.vigie.nlp.lang.LanguageBenchmark [-Dexec.args=DATA_DIR]
 * </pre>
 */
public final class LanguageBenchmark {

    private LanguageBenchmark() {}

    /**
     * @param args optional: the shared data folder (default: {@code vigie.data.dir} or {@code ../shared/data})
     */
    public static void main(String[] args) {
        Path root = args.length > 0 ? Path.of(args[0]) : SampleTexts.defaultRoot();
        SampleTexts data = new SampleTexts(root);
        Map<String, List<String>> sets = new LinkedHashMap<>();
        Map<String, String> expected = new LinkedHashMap<>();
        sets.put("DEFT 2017 French tweets", data.frenchTweets());
        expected.put("DEFT 2017 French tweets", "fr");
        for (String c : List.of("amazon", "movie", "nyt")) {
            sets.put("VADER " + c + " snippets", data.englishSnippets(c));
            expected.put("VADER " + c + " snippets", "en");
        }
        List<String> titles = new ArrayList<>();
        for (SampleTexts.NewsItem n : data.news()) {
            titles.add(n.title());
        }
        sets.put("AG News titles", titles);
        expected.put("AG News titles", "en");

        Map<String, LanguageDetector.Builder> configs = new LinkedHashMap<>();
        configs.put(
                "all " + LanguageDetector.builtInLanguages().size() + " profiles",
                LanguageDetector.builder().allLanguages());
        configs.put("default 7 (fr en de es it nl pt)", LanguageDetector.builder());
        configs.put("default 7, short<=50", LanguageDetector.builder().shortTextLength(50));
        configs.put("fr+en only", LanguageDetector.builder().languages(Set.of("fr", "en")));

        System.out.printf(
                "%-34s %-26s %7s %8s %8s %8s%n", "profiles", "data set", "texts", "correct", "wrong", "unknown");
        for (Map.Entry<String, LanguageDetector.Builder> c : configs.entrySet()) {
            LanguageDetector detector = c.getValue().build();
            for (Map.Entry<String, List<String>> s : sets.entrySet()) {
                int ok = 0;
                int unknown = 0;
                Map<String, Integer> wrongBy = new LinkedHashMap<>();
                for (String text : s.getValue()) {
                    LanguageGuess g = detector.detect(text);
                    if (g.language().equals(expected.get(s.getKey()))) {
                        ok++;
                    } else if (!g.isKnown()) {
                        unknown++;
                    } else {
                        wrongBy.merge(g.language(), 1, Integer::sum);
                    }
                }
                int n = s.getValue().size();
                int wrong = n - ok - unknown;
                System.out.printf(
                        "%-34s %-26s %7d %7.1f%% %7.1f%% %7.1f%%  wrong as %s%n",
                        c.getKey(),
                        s.getKey(),
                        n,
                        100.0 * ok / n,
                        100.0 * wrong / n,
                        100.0 * unknown / n,
                        top(wrongBy));
            }
            speed(c.getKey(), detector, sets);
        }
    }

    private static void speed(String config, LanguageDetector detector, Map<String, List<String>> sets) {
        List<String> mix = new ArrayList<>();
        for (List<String> s : sets.values()) {
            mix.addAll(s.subList(0, Math.min(2000, s.size())));
        }
        for (int i = 0; i < 2; i++) {
            for (String t : mix) {
                detector.detect(t);
            }
        }
        long start = System.nanoTime();
        int calls = 0;
        while (System.nanoTime() - start < 3_000_000_000L) {
            for (String t : mix) {
                detector.detect(t);
                calls++;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Runtime rt = Runtime.getRuntime();
        System.gc();
        long heap = (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024);
        System.out.printf(
                "%-34s speed: %.0f calls/s on one thread (%.1f µs/call, mean %d chars), heap in use %d MB%n%n",
                config,
                calls / seconds,
                seconds * 1e6 / calls,
                mix.stream().mapToInt(String::length).sum() / mix.size(),
                heap);
    }

    private static String top(Map<String, Integer> wrongBy) {
        return wrongBy.entrySet().stream()
                .sorted((a, b) -> b.getValue() - a.getValue())
                .limit(4)
                .map(e -> e.getKey() + " " + e.getValue())
                .toList()
                .toString();
    }
}
