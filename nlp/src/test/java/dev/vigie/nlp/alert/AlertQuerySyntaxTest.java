package dev.vigie.nlp.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AlertQuerySyntaxTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "''                             | 1  | empty query",
                "acme AND (panne                | 10 | never closed",
                "acme) panne                    | 5  | without a matching",
                "acme AND                       | 6  | needs a term after",
                "OR acme                        | 1  | needs a term before",
                "acme OR                        | 6  | needs a term after",
                "acme \"panne                   | 6  | unclosed quote",
                "acme NEAR panne                | 6  | NEAR needs a distance",
                "acme NEAR/x panne              | 6  | NEAR needs a distance",
                "acme NEAR/500 panne            | 6  | too large",
                "titel:acme                     | 1  | unknown field 'titel'",
                "title: acme                    | 1  | needs a term right after",
                "-job                           | 1  | at least one word",
                "NOT job                        | 1  | at least one word",
                "acme OR -job                   | 9  | cannot be an alternative",
                "*cme                           | 1  | cannot start a word",
                "ac*                            | 3  | at least 3 letters",
                "acme~2                         | 5  | only follows a quoted phrase",
                "\"acme panne\"~                | 13 | needs a number",
                "acme ()                        | 6  | empty parentheses",
                "\"\"                           | 1  | empty phrase",
                "!!!                            | 1  | no word to search",
                "acme AND NOT                   | 10 | needs a term to exclude",
                "acme NEAR/3 -job               | 6  | needs a term after",
                "acme NEAR/3 (globex AND panne) | 14 | not AND or exclusions",
                "title:acme NEAR/3 text:panne   | 12 | same field",
                "site:\"acme com\"              | 6  | single value",
                "\"acme outag*\"                | 12 | inside quotes",
            })
    void refusesWithColumnAndReason(String query, int column, String reason) {
        AlertQuerySyntaxException e =
                catchThrowableOfType(() -> AlertMatcher.checkQuery(query), AlertQuerySyntaxException.class);
        assertThat(e).as("query %s", query).isNotNull();
        assertThat(e.reason()).contains(reason);
        assertThat(e.column()).as("column of: %s", e.getMessage()).isEqualTo(column);
        assertThat(e.getMessage()).startsWith("column " + column + ": ").contains(query);
        assertThat(e).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "acme",
                "acme panne",
                "(acme OR \"acme corp\") AND (outage OR panne OR \"fuite de données\"~2) NOT job",
                "acme NEAR/5 (panne OR outage)",
                "title:acme -author:@bot",
                "site:acme.com lang:fr",
                "#acme OR @acme",
                "l'oréal",
                "covid-19",
                "acme.com",
                "+acme",
                "acme && panne || globex",
                "«\u00a0acme corp\u00a0»"
            })
    void acceptsAnalystQueries(String query) {
        AlertMatcher.checkQuery(query);
    }

    @ParameterizedTest
    @ValueSource(strings = {"acme", "acme -job"})
    void nullQueryIsRefused(String ignored) {
        assertThatThrownBy(() -> AlertMatcher.checkQuery(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("null");
    }
}
