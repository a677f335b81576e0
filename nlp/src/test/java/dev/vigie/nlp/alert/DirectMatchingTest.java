package dev.vigie.nlp.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vigie.nlp.internal.data.SampleTexts;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A watch with few rules matches its documents directly, without the Monitor: same matches, same highlights and
 * matched terms as the Monitor path, on real documents and rules of every shape analysts write.
 */
class DirectMatchingTest {

    private static final int WATCHES = 12;
    private static final int RULES_PER_WATCH = 12;

    /** Rules on words frequent in the corpus, so that many documents match with highlights of every kind. */
    private static final List<String> FREQUENT = List.of(
            "oil AND (price* OR crude)",
            "\"new york\"",
            "title:google OR title:microsoft",
            "president NEAR/5 (bush OR iraq)",
            "lang:fr AND (gouvernement OR macron)",
            "(stocks OR shares) AND -wall",
            "\"world cup\"~2 OR soccer",
            "compan* AND profit*",
            "site:example.com",
            "text:reuters AND NOT title:reuters",
            "ap OR afp",
            "#macron OR @fhollande");

    @Test
    void fewRulesMatchExactlyAsTheMonitorOnRealDocuments() {
        var root = SampleTexts.defaultRoot();
        assumeTrue(Files.isDirectory(root), "shared data folder absent (" + root + "): comparison skipped");
        SampleTexts data = new SampleTexts(root);
        List<AlertDocument> docs = new ArrayList<>();
        List<SampleTexts.NewsItem> news = data.news();
        for (int i = 0; i < 1_000; i++) {
            SampleTexts.NewsItem n = news.get(i);
            docs.add(AlertDocument.builder("w", "ag-" + i)
                    .title(n.title())
                    .text(n.description())
                    .author("Reuters")
                    .url(i % 10 == 0 ? "https://news.example.com/" + i : "https://wire.example/" + i)
                    .language("en")
                    .build());
        }
        List<String> tweets = data.frenchTweets();
        for (int i = 0; i < 600; i++) {
            docs.add(AlertDocument.builder("w", "deft-" + i)
                    .text(tweets.get(i))
                    .language("fr")
                    .sentiment(i % 3 == 0 ? "negative" : "neutral")
                    .build());
        }
        Collections.shuffle(docs, new Random(7));

        List<AlertRule> generated = AlertBenchmark.generateRules(
                WATCHES * RULES_PER_WATCH, AlertBenchmark.Vocabulary.of(docs), new Random(11));
        List<AlertRule> rules = new ArrayList<>();
        for (int i = 0; i < generated.size(); i++) {
            rules.add(AlertRule.of(
                    "w" + i / RULES_PER_WATCH,
                    generated.get(i).id(),
                    generated.get(i).query()));
        }
        for (int i = 0; i < FREQUENT.size(); i++) {
            rules.add(AlertRule.of("frequent", "f" + i, FREQUENT.get(i)));
        }
        rules.add(new AlertRule(
                "frequent", "negative-fr", "gouvernement OR président", Set.of("fr"), Set.of("negative")));

        try (AlertMatcher direct = AlertMatcher.open(rules);
                AlertMatcher monitor =
                        AlertMatcher.builder().directMaxRules(0).rules(rules).build()) {
            assertThat(direct.directWatches()).hasSize(WATCHES + 1);
            assertThat(monitor.directWatches()).isEmpty();
            int matches = 0;
            int highlights = 0;
            List<String> watches = new ArrayList<>(List.of("frequent"));
            for (int w = 0; w < WATCHES; w++) {
                watches.add("w" + w);
            }
            for (AlertDocument d : docs) {
                for (String watch : watches) {
                    AlertDocument doc = new AlertDocument(
                            watch, d.id(), d.title(), d.text(), d.author(), d.url(), d.language(), d.sentiment());
                    AlertResult expected = monitor.match(doc);
                    assertThat(direct.match(doc)).as(watch + " " + d.id()).isEqualTo(expected);
                    matches += expected.matches().size();
                    highlights += expected.matches().stream()
                            .mapToInt(m -> m.highlights().size())
                            .sum();
                }
            }
            assertThat(matches).as("matches compared").isGreaterThan(300);
            assertThat(highlights).as("highlights compared").isGreaterThan(matches);
        }
    }

    @Test
    void aWatchBeyondTheThresholdGoesThroughTheMonitor() {
        List<AlertRule> rules = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            rules.add(AlertRule.of("small", "s" + i, "acme" + i));
            rules.add(AlertRule.of("large", "l" + i, "acme" + i));
        }
        rules.add(AlertRule.of("large", "l3", "acme AND panne"));
        try (AlertMatcher m =
                AlertMatcher.builder().directMaxRules(3).rules(rules).build()) {
            assertThat(m.directWatches()).containsExactly("small");
            assertThat(m.match(AlertDocument.builder("large", "1")
                                    .text("Acme en panne, acme2")
                                    .build())
                            .ruleIds())
                    .containsExactly("l2", "l3");
            assertThat(m.match(AlertDocument.builder("small", "1")
                                    .text("Acme en panne, acme2")
                                    .build())
                            .ruleIds())
                    .containsExactly("s2");
        }
    }

    @Test
    void builderRefusesANegativeThreshold() {
        assertThatThrownBy(() -> AlertMatcher.builder().directMaxRules(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-1");
    }
}
