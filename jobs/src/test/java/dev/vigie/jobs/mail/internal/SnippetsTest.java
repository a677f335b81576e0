package dev.vigie.jobs.mail.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SnippetsTest {
    @Test
    void highlightsTermsIgnoringCaseAndAccentsAndCoversTheRestOfAStemmedWord() {
        assertThat(Snippets.marked(
                        "Une PANNE chez Acme, les pannes continuent à Orléans", List.of("pann", "acme", "orleans")))
                .isEqualTo("Une *PANNE* chez *Acme*, les *pannes* continuent à *Orléans*");
    }

    @Test
    void doesNotHighlightTermsInsideOtherWords() {
        assertThat(Snippets.marked("placme acmeist acme", List.of("acme"))).isEqualTo("placme *acmeist* *acme*");
        assertThat(Snippets.marked("the acme corporation", List.of("acme corp")))
                .isEqualTo("the acme corporation");
        assertThat(Snippets.marked("the acme corp.", List.of("acme corp"))).isEqualTo("the *acme corp*.");
    }

    @Test
    void cutsLongTextAroundTheFirstTermAtWordBoundaries() {
        String text = "lorem ipsum ".repeat(60) + "Acme outage reported " + "dolor sit ".repeat(60);
        String snippet = Snippets.snippet(text, List.of("outage"));
        assertThat(snippet).startsWith("…").endsWith("…").contains("Acme outage reported");
        assertThat(snippet.length()).isLessThanOrEqualTo(Snippets.MAX_LENGTH);
        assertThat(snippet.substring(1, 2)).isNotBlank();
    }

    @Test
    void keepsShortTextWholeAndCleansControlCharacters() {
        assertThat(Snippets.snippet("Acme\r\n\tdown\u202Eevil", List.of("acme")))
                .isEqualTo("Acme down evil");
    }
}
