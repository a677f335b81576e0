package dev.vigie.nlp.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

class AlertRuleTest {

    @Test
    void refusesBadIdsQueriesAndFilters() {
        assertThatThrownBy(() -> AlertRule.of("Acme", "r", "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'Acme'");
        assertThatThrownBy(() -> AlertRule.of("acme", "r 1", "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'r 1'");
        assertThatThrownBy(() -> AlertRule.of("acme", "r", " "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty query");
        assertThatThrownBy(() -> new AlertRule("acme", "r", "x", Set.of("french"), Set.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'french'");
        assertThatThrownBy(() -> new AlertRule("acme", "r", "x", Set.of(), Set.of("angry")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'angry'");
    }

    @Test
    void filtersIgnoreCaseAndRequireAKnownValue() {
        AlertRule r = new AlertRule("acme", "r", "x", Set.of("FR"), Set.of("Negative"));
        assertThat(r.languages()).containsExactly("fr");
        assertThat(r.accepts("fr", "negative")).isTrue();
        assertThat(r.accepts("FR", "NEGATIVE")).isTrue();
        assertThat(r.accepts("en", "negative")).isFalse();
        assertThat(r.accepts(null, "negative")).isFalse();
        assertThat(r.accepts("fr", null)).isFalse();
        assertThat(AlertRule.of("acme", "r", "x").accepts(null, null)).isTrue();
    }
}
