package dev.vigie.connectors.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** robots.txt read as RFC 9309 says. */
class RobotsRulesTest {

    @Test
    void mergesEveryGroupThatNamesTheAgent() {
        String txt = """
                User-agent: vigie
                Disallow: /private/

                User-agent: *
                Disallow: /all-bots/

                User-agent: Vigie
                Disallow: /drafts/
                """;
        RobotsRules rules = RobotsRules.parse(txt, "vigie");

        assertThat(rules.allows("/private/a")).isFalse();
        assertThat(rules.allows("/drafts/a")).as("second group naming vigie").isFalse();
        assertThat(rules.allows("/all-bots/a"))
                .as("the * group does not apply when a group names vigie")
                .isTrue();
    }

    @Test
    void mergesEveryStarGroupWhenNoneNamesTheAgent() {
        String txt = """
                User-agent: *
                Disallow: /a/

                User-agent: googlebot
                Disallow: /

                User-agent: *
                Disallow: /b/
                """;
        RobotsRules rules = RobotsRules.parse(txt, "vigie");

        assertThat(rules.allows("/a/x")).isFalse();
        assertThat(rules.allows("/b/x")).isFalse();
        assertThat(rules.allows("/c/x")).isTrue();
    }

    @Test
    void matchesTheProductTokenExactlyNotAsASubstring() {
        String txt = """
                User-agent: e
                Disallow: /

                User-agent: vigiebot
                Disallow: /

                User-agent: *
                Disallow: /tmp/
                """;
        RobotsRules rules = RobotsRules.parse(txt, "vigie");

        assertThat(rules.allows("/page"))
                .as("'e' and 'vigiebot' are other crawlers")
                .isTrue();
        assertThat(rules.allows("/tmp/x")).isFalse();
    }

    @Test
    // only guards against a hang: an exponential matcher never returns on this pattern
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void wildcardsMatchWithoutBacktracking() {
        String txt = "User-agent: *\nDisallow: /*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b\n"
                + "Disallow: /*.pdf$\n";
        RobotsRules rules = RobotsRules.parse(txt, "vigie");

        assertThat(rules.allows("/" + "a".repeat(200))).isTrue();
        assertThat(rules.allows("/" + "a".repeat(30) + "b")).isFalse();
        assertThat(rules.allows("/docs/x.pdf")).isFalse();
        assertThat(rules.allows("/docs/x.pdf?v=1")).isTrue();
    }
}
