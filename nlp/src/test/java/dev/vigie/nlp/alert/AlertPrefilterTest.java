package dev.vigie.nlp.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigie.nlp.alert.AlertPrefilter.All;
import dev.vigie.nlp.alert.AlertPrefilter.AllOf;
import dev.vigie.nlp.alert.AlertPrefilter.AnyOf;
import dev.vigie.nlp.alert.AlertPrefilter.Language;
import dev.vigie.nlp.alert.AlertPrefilter.WordPattern;
import dev.vigie.nlp.alert.AlertPrefilter.WordPrefix;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertPrefilterTest {

    @Test
    void keepsAndAndOrAndDropsNot() {
        AlertPrefilter p = AlertPrefilter.of("acme AND (panne OR outage) NOT job");
        assertThat(p).isInstanceOf(AllOf.class);
        List<AlertPrefilter> parts = ((AllOf) p).conditions();
        assertThat(parts).hasSize(2);
        assertThat(parts.get(0)).isEqualTo(new WordPrefix(AlertFields.CONTENT, "acm")); // acme -> acm (stem)
        assertThat(parts.get(1)).isInstanceOf(AnyOf.class);
        assertThat(((AnyOf) parts.get(1)).conditions())
                .containsExactlyInAnyOrder(
                        new WordPrefix(AlertFields.CONTENT, "pann"), new WordPrefix(AlertFields.CONTENT, "outag"));
    }

    @Test
    void aPhraseNeedsEachOfItsWordsAndAWildcardStaysAPattern() {
        AlertPrefilter phrase = AlertPrefilter.of("\"fuite de données\"");
        assertThat(phrase).isInstanceOf(AllOf.class);
        // stems fuit and donne (donnees): each is the start of the word it stems
        assertThat(((AllOf) phrase).conditions())
                .contains(new WordPrefix(AlertFields.CONTENT, "fuit"), new WordPrefix(AlertFields.CONTENT, "donne"));
        AlertPrefilter prefix = AlertPrefilter.of("tarif*");
        assertThat(prefix)
                .isIn(new WordPrefix(AlertFields.CONTENT, "tarif"), new WordPattern(AlertFields.CONTENT, "tarif*"));
    }

    @Test
    void whatItCannotExpressRestrictsNothing() {
        assertThat(AlertPrefilter.of("author:jdoe")).isEqualTo(new All());
        assertThat(AlertPrefilter.of("acme OR author:jdoe")).isEqualTo(new All());
        assertThat(AlertPrefilter.of("acme AND lang:fr"))
                .isEqualTo(new AllOf(List.of(new WordPrefix(AlertFields.CONTENT, "acm"), new Language("fr"))));
    }

    @Test
    void everyDocumentTheMatcherMatchesSatisfiesThePrefilter() {
        // the prefix is one character shorter than the matcher's stem: plurals and -ies/-aux forms still start with it
        String query = "(companies OR journaux OR outage) AND acme";
        AlertDocument doc = AlertDocument.builder("w", "d")
                .title("Les journaux parlent d'Acme")
                .build();
        try (AlertMatcher matcher = AlertMatcher.open(List.of(AlertRule.of("w", "r", query)))) {
            assertThat(matcher.match(doc).matches()).hasSize(1);
        }
        AllOf p = (AllOf) AlertPrefilter.of(query);
        assertThat(((AnyOf) p.conditions().get(0)).conditions())
                .contains(new WordPrefix(AlertFields.CONTENT, "journa"), new WordPrefix(AlertFields.CONTENT, "compan"));
    }

    @Test
    void explainsEachClause() {
        AlertDocument doc = AlertDocument.builder("w", "d")
                .title("Acme lance un vélo")
                .language("fr")
                .build();
        List<String> lines = AlertPrefilter.explain("acme AND panne", doc);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).startsWith("MUST").endsWith("-> yes");
        assertThat(lines.get(1)).startsWith("MUST").endsWith("-> no");
    }
}
