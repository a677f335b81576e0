package dev.vigie.nlp.alert;

import dev.vigie.nlp.internal.data.SampleTexts;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * CPU time per document of a watch with few rules, matched directly and through the Monitor, on the AG News items
 * and DEFT tweets of the shared data: {@code java ... dev.vigie.nlp.alert.DirectMatchingBenchmark [DATA_DIR]}. Both
 * matchers run in this thread, alternating, five rounds each after a warm-up; every result is compared.
 */
public final class DirectMatchingBenchmark {

    private DirectMatchingBenchmark() {}

    public static void main(String[] args) {
        SampleTexts data = new SampleTexts(args.length > 0 ? Path.of(args[0]) : SampleTexts.defaultRoot());
        List<AlertDocument> docs = new ArrayList<>();
        for (SampleTexts.NewsItem n : data.news()) {
            docs.add(AlertDocument.builder("w", "ag-" + docs.size())
                    .title(n.title())
                    .text(n.description())
                    .language("en")
                    .build());
        }
        for (String t : data.frenchTweets()) {
            docs.add(AlertDocument.builder("w", "deft-" + docs.size())
                    .text(t)
                    .language("fr")
                    .build());
        }
        List<AlertRule> two = List.of(
                AlertRule.of("w", "crisis", "acme AND (outage OR panne)"),
                AlertRule.of("w", "pricing", "globex AND (pricing OR offre)"));
        List<AlertRule> sixteen = new ArrayList<>();
        for (AlertRule r : AlertBenchmark.generateRules(16, AlertBenchmark.Vocabulary.of(docs), new Random(3))) {
            sixteen.add(AlertRule.of("w", r.id(), r.query()));
        }
        System.out.printf("%d documents; CPU microseconds per document, median of 5 rounds%n", docs.size());
        for (List<AlertRule> rules : List.of(two, sixteen)) {
            try (AlertMatcher direct = AlertMatcher.builder().rules(rules).build();
                    AlertMatcher monitor = AlertMatcher.builder()
                            .directMaxRules(0)
                            .rules(rules)
                            .build()) {
                round(direct, docs);
                round(monitor, docs);
                double[] d = new double[5];
                double[] m = new double[5];
                for (int i = 0; i < 5; i++) {
                    d[i] = round(direct, docs);
                    m[i] = round(monitor, docs);
                }
                int mismatches = 0;
                for (AlertDocument doc : docs) {
                    if (!direct.match(doc).equals(monitor.match(doc))) {
                        mismatches++;
                    }
                }
                java.util.Arrays.sort(d);
                java.util.Arrays.sort(m);
                System.out.printf(
                        "%2d rules: direct %.1f us, Monitor %.1f us (%.1fx); results differ on %d documents%n",
                        rules.size(), d[2], m[2], m[2] / d[2], mismatches);
            }
        }
    }

    private static double round(AlertMatcher matcher, List<AlertDocument> docs) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long start = threads.getCurrentThreadCpuTime();
        int matches = 0;
        for (AlertDocument doc : docs) {
            matches += matcher.match(doc).matches().size();
        }
        if (matches < 0) {
            throw new IllegalStateException();
        }
        return (threads.getCurrentThreadCpuTime() - start) / 1e3 / docs.size();
    }
}
