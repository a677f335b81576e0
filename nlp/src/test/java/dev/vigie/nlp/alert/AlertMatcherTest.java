package dev.vigie.nlp.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AlertMatcherTest {

    private final List<AlertMatcher> opened = new ArrayList<>();

    @AfterEach
    void closeMatchers() {
        opened.forEach(AlertMatcher::close);
    }

    private AlertMatcher matcher(AlertRule... rules) {
        AlertMatcher m = AlertMatcher.open(List.of(rules));
        opened.add(m);
        return m;
    }

    private static AlertDocument doc(String title, String text) {
        return AlertDocument.builder("acme", "d1").title(title).text(text).build();
    }

    /** Whether a single query matches a document of watch acme. */
    private boolean matches(String query, AlertDocument d) {
        AlertMatcher m = matcher(AlertRule.of("acme", "r", query));
        assertThat(m.rejectedRules()).isEmpty();
        return !m.match(d).matches().isEmpty();
    }

    private boolean matches(String query, String text) {
        return matches(query, doc(null, text));
    }

    @Test
    void booleanOperatorsAndImplicitAnd() {
        String text = "Grosse panne chez Acme ce matin";
        assertThat(matches("acme panne", text)).isTrue();
        assertThat(matches("acme AND panne", text)).isTrue();
        assertThat(matches("acme AND outage", text)).isFalse();
        assertThat(matches("outage OR panne", text)).isTrue();
        assertThat(matches("acme NOT panne", text)).isFalse();
        assertThat(matches("acme -panne", text)).isFalse();
        assertThat(matches("acme -outage", text)).isTrue();
        assertThat(matches("(globex OR acme) AND (outage OR panne) NOT job", text))
                .isTrue();
    }

    @Test
    void lowerCaseOperatorsAreOrdinaryWords() {
        assertThat(matches("acme or globex", "Acme sans Globex")).isFalse();
        assertThat(matches("acme or globex", "acme or globex")).isTrue();
    }

    @Test
    void phrasesAndSloppyPhrases() {
        String text = "Une fuite de données massive chez Acme";
        assertThat(matches("\"fuite de données\"", text)).isTrue();
        assertThat(matches("\"fuite données\"", text)).isFalse();
        assertThat(matches("\"fuite données\"~1", text)).isTrue();
        assertThat(matches("\"fuite massive\"~1", text)).isFalse();
        assertThat(matches("\"fuite massive\"~2", text)).isTrue();
    }

    @Test
    void nearCountsWordsInEitherOrderAndNearFKeepsOrder() {
        String text = "acme one two three four five outage";
        assertThat(matches("acme NEAR/5 outage", text)).isTrue();
        assertThat(matches("acme NEAR/4 outage", text)).isFalse();
        assertThat(matches("outage NEAR/5 acme", text)).isTrue();
        assertThat(matches("outage NEAR/5f acme", text)).isFalse();
        assertThat(matches("acme NEAR/5f outage", text)).isTrue();
        assertThat(matches("(globex OR acme) NEAR/6 outag*", text)).isTrue();
        assertThat(matches("\"acme one\" NEAR/4 outage", text)).isTrue();
    }

    @Test
    void wildcardsMatchWordBeginnings() {
        assertThat(matches("outag*", "Major outages reported")).isTrue();
        assertThat(matches("outage*", "Major outages reported")).isTrue();
        assertThat(matches("organi?ation", "the organisation said")).isTrue();
        assertThat(matches("organi?ation", "the organization said")).isTrue();
        assertThat(matches("outag*", "Major outrage reported")).isFalse();
    }

    @Test
    void caseAccentsElisionAndPluralsAreIgnored() {
        assertThat(matches("oreal", "Scandale chez L'ORÉAL")).isTrue();
        assertThat(matches("l'oréal", "scandale chez loreal? non: chez l’Oreal"))
                .isTrue();
        assertThat(matches("électricité", "Facture d'electricite")).isTrue();
        assertThat(matches("panne", "Encore des pannes")).isTrue();
        assertThat(matches("pannes", "Une panne")).isTrue();
        assertThat(matches("company", "Two companies merge")).isTrue();
        assertThat(matches("journal", "les journaux")).isTrue();
    }

    @Test
    void hashtagsAndHandlesAreTermsOfTheirOwn() {
        assertThat(matches("#acme", "J'adore #Acme")).isTrue();
        assertThat(matches("#acme", "J'adore Acme")).isFalse();
        assertThat(matches("acme", "J'adore #Acme")).isTrue();
        assertThat(matches("@acme", "Merci @acme !")).isTrue();
        assertThat(matches("@acme", "Merci #acme !")).isFalse();
        assertThat(matches("acme", "Merci @Acme !")).isTrue();
    }

    @Test
    void noMatchInsideOtherWords() {
        assertThat(matches("acme", "Acmeology is a science")).isFalse();
    }

    @Test
    void fieldRestrictions() {
        AlertDocument d = AlertDocument.builder("acme", "d1")
                .title("Acme lance un produit")
                .text("Globex répond")
                .author("Jean Dupont (@jdupont)")
                .url("https://news.lemonde.fr/eco/article")
                .language("fr")
                .build();
        assertThat(matches("title:acme", d)).isTrue();
        assertThat(matches("title:globex", d)).isFalse();
        assertThat(matches("text:globex", d)).isTrue();
        assertThat(matches("title:(globex OR produit)", d)).isTrue();
        assertThat(matches("acme author:dupont", d)).isTrue();
        assertThat(matches("acme author:@jdupont", d)).isTrue();
        assertThat(matches("acme site:lemonde.fr", d)).isTrue();
        assertThat(matches("acme site:www.lemonde.fr", d)).isTrue();
        assertThat(matches("acme site:figaro.fr", d)).isFalse();
        assertThat(matches("acme lang:fr", d)).isTrue();
        assertThat(matches("acme lang:en", d)).isFalse();
    }

    @Test
    void phrasesDoNotSpanTitleAndText() {
        AlertDocument d = doc("Rapport Acme", "panne générale");
        assertThat(matches("\"acme panne\"", d)).isFalse();
        assertThat(matches("acme panne", d)).isTrue();
    }

    @Test
    void reportsMatchedTermsAsWrittenWithSpans() {
        AlertMatcher m = matcher(AlertRule.of("acme", "crisis", "(acme OR oreal) AND panne* -job"));
        AlertDocument d = doc("Panne chez L'Oréal", "Les pannes touchent aussi Acme et l’Oréal.");
        AlertResult r = m.match(d);
        assertThat(r.ruleIds()).containsExactly("crisis");
        AlertMatch match = r.matches().get(0);
        assertThat(match.matchedTerms()).containsExactly("Panne", "Oréal", "pannes", "Acme");
        assertThat(match.highlights()).contains(new Highlight("title", 0, 5), new Highlight("text", 4, 10));
        for (Highlight h : match.highlights()) {
            String source = h.field().equals("title") ? d.title() : d.text();
            assertThat(source.substring(h.start(), h.end())).isIn("Panne", "Oréal", "pannes", "Acme");
        }
    }

    @Test
    void phraseHighlightCoversThePhrase() {
        AlertMatcher m = matcher(AlertRule.of("acme", "leak", "\"fuite de données\""));
        AlertMatch match =
                m.match(doc(null, "Grave fuite de données chez Acme")).matches().get(0);
        assertThat(String.join("|", match.matchedTerms())).contains("fuite").contains("données");
    }

    @Test
    void excludedTermsAreNotReported() {
        AlertMatcher m = matcher(AlertRule.of("acme", "r", "acme -job"));
        assertThat(m.match(doc(null, "acme recrute")).matches().get(0).matchedTerms())
                .containsExactly("acme");
    }

    @Test
    void languageAndSentimentFiltersApplyPerRule() {
        AlertMatcher m = matcher(
                new AlertRule("acme", "fr-neg", "acme", Set.of("fr"), Set.of("negative")),
                new AlertRule("acme", "any", "acme", Set.of(), Set.of()),
                new AlertRule("acme", "en", "acme", Set.of("en"), Set.of()));
        AlertDocument frNeg = AlertDocument.builder("acme", "1")
                .text("acme nul")
                .language("fr")
                .sentiment("negative")
                .build();
        AlertDocument frPos = AlertDocument.builder("acme", "2")
                .text("acme top")
                .language("fr")
                .sentiment("positive")
                .build();
        AlertDocument noSentiment =
                AlertDocument.builder("acme", "3").text("acme").language("fr").build();
        assertThat(m.match(frNeg).ruleIds()).containsExactly("any", "fr-neg");
        assertThat(m.match(frPos).ruleIds()).containsExactly("any");
        assertThat(m.match(noSentiment).ruleIds()).containsExactly("any");
    }

    @Test
    void documentOnlyMeetsTheRulesOfItsWatch() {
        AlertMatcher m = matcher(
                AlertRule.of("acme", "mine", "panne"),
                AlertRule.of("globex", "theirs", "panne"),
                AlertRule.of("globex", "mine", "panne"));
        AlertResult r = m.match(AlertDocument.builder("acme", "1").text("panne").build());
        assertThat(r.matches()).extracting(AlertMatch::watch).containsOnly("acme");
        assertThat(r.ruleIds()).containsExactly("mine");
        assertThat(m.match(AlertDocument.builder("initech", "2").text("panne").build())
                        .matches())
                .isEmpty();
    }

    @Test
    void badRulesAreRefusedWithColumnWhileOthersLoad() {
        AlertMatcher m = matcher(
                AlertRule.of("acme", "good", "acme"),
                AlertRule.of("acme", "bad", "acme AND (panne"),
                AlertRule.of("acme", "good", "globex"));
        assertThat(m.ruleCount()).isEqualTo(1);
        assertThat(m.rejectedRules()).hasSize(2);
        RuleError syntax = m.rejectedRules().stream()
                .filter(e -> e.ruleId().equals("bad"))
                .findFirst()
                .orElseThrow();
        assertThat(syntax.column()).isEqualTo(10);
        assertThat(syntax.reason()).contains("never closed");
        assertThat(m.rejectedRules()).anyMatch(e -> e.reason().contains("duplicate"));
        assertThat(m.match(doc(null, "acme")).ruleIds()).containsExactly("good");
    }

    @Test
    void manyRulesSelectOnlyMatchingOnes() {
        List<AlertRule> rules = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            rules.add(AlertRule.of("acme", "r" + i, "brand" + i + " AND (outage OR panne)"));
        }
        AlertMatcher m = matcher(rules.toArray(new AlertRule[0]));
        assertThat(m.match(doc(null, "Brand17 en panne, brand1999 aussi, brand5 non"))
                        .ruleIds())
                .containsExactlyInAnyOrder("r17", "r1999", "r5");
    }

    @Test
    void documentNeedsWatchAndId() {
        assertThatThrownBy(() -> AlertDocument.builder(" ", "1").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("watch");
        assertThatThrownBy(() -> AlertDocument.builder("acme", "").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("id");
    }

    @Test
    void builderRefusesBadPresearcherPasses() {
        assertThatThrownBy(() -> AlertMatcher.builder().presearcherPasses(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0");
        assertThatThrownBy(() -> AlertMatcher.builder().presearcherPasses(5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("5");
        assertThatThrownBy(() -> AlertMatcher.builder().rules(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void singlePassPresearcherMatchesTheSame() {
        AlertMatcher m = AlertMatcher.builder()
                .presearcherPasses(1)
                .rules(List.of(AlertRule.of("acme", "a", "acme panne"), AlertRule.of("acme", "b", "globex")))
                .build();
        opened.add(m);
        assertThat(m.match(doc(null, "acme en panne")).ruleIds()).containsExactly("a");
    }

    @Test
    void batchMatchingGivesOneResultPerDocumentInOrderWithHighlights() {
        AlertMatcher m = matcher(
                AlertRule.of("acme", "outage", "panne* OR outage"),
                AlertRule.of("globex", "g", "panne"),
                AlertRule.of("acme", "near", "acme NEAR/2 panne"));
        List<AlertDocument> batch = List.of(
                AlertDocument.builder("acme", "a")
                        .title("Rien")
                        .text("Acme: grosse panne")
                        .build(),
                AlertDocument.builder("initech", "b").text("panne").build(),
                AlertDocument.builder("globex", "c").text("panne chez Globex").build(),
                AlertDocument.builder("acme", "d").text("tout va bien").build(),
                AlertDocument.builder("acme", "e").text("Outage at Acme").build());
        List<AlertResult> results = m.match(batch);
        assertThat(results).extracting(AlertResult::documentId).containsExactly("a", "b", "c", "d", "e");
        assertThat(results.get(0).ruleIds()).containsExactly("near", "outage");
        assertThat(results.get(0).matches().get(1).highlights()).containsExactly(new Highlight("text", 13, 18));
        assertThat(results.get(1).matches()).isEmpty();
        assertThat(results.get(2).ruleIds()).containsExactly("g");
        assertThat(results.get(3).matches()).isEmpty();
        assertThat(results.get(4).matches().get(0).matchedTerms()).containsExactly("Outage");
        for (int i = 0; i < batch.size(); i++) {
            assertThat(results.get(i).ruleIds()).isEqualTo(m.match(batch.get(i)).ruleIds());
        }
    }

    @Test
    void largeBatchOfManyDistinctTermsMatchesLikeSingleDocuments() {
        List<AlertRule> rules = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            rules.add(AlertRule.of("acme", "w" + i, "word" + i + "* AND common"));
        }
        AlertMatcher m = matcher(rules.toArray(new AlertRule[0]));
        List<AlertDocument> batch = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            StringBuilder text = new StringBuilder("common");
            for (int k = 0; k < 40; k++) {
                text.append(" word").append(i * 40 + k).append("x");
            }
            batch.add(
                    AlertDocument.builder("acme", "d" + i).text(text.toString()).build());
        }
        List<AlertResult> results = m.match(batch);
        assertThat(results.get(0).ruleIds()).hasSize(40).contains("w0", "w39");
        assertThat(results.get(7).ruleIds())
                .containsExactlyInAnyOrderElementsOf(m.match(batch.get(7)).ruleIds());
        assertThat(results.get(199).ruleIds()).containsExactlyInAnyOrder("w7", "w79");
    }

    @Test
    void batchRefusesNull() {
        AlertMatcher m = matcher(AlertRule.of("acme", "r", "acme"));
        assertThatThrownBy(() -> m.match((List<AlertDocument>) null)).isInstanceOf(IllegalArgumentException.class);
        List<AlertDocument> withNull = new ArrayList<>();
        withNull.add(null);
        assertThatThrownBy(() -> m.match(withNull)).isInstanceOf(IllegalArgumentException.class);
    }
}
