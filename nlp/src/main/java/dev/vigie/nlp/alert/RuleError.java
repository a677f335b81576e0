package dev.vigie.nlp.alert;

import java.io.Serializable;

/**
 * A rule that could not be used: refused when the matcher was opened (bad syntax, duplicate id), or that failed
 * on one document. It travels with results instead of stopping the other rules.
 *
 * @param watch the watch of the rule
 * @param ruleId the rule id
 * @param query the query as written
 * @param column 1-based column of a syntax error; 0 when the error has no position
 * @param reason what went wrong
 */
public record RuleError(String watch, String ruleId, String query, int column, String reason) implements Serializable {

    /** Requires a rule id and a reason. */
    public RuleError {
        if (ruleId == null || reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("rule error needs a rule id and a reason (rule " + ruleId + ")");
        }
        if (column < 0) {
            throw new IllegalArgumentException("rule error column must be >= 0: " + column);
        }
    }

    /** One line for logs and error records: {@code acme/crisis column 12: unclosed quote}. */
    public String describe() {
        return watch + "/" + ruleId + (column > 0 ? " column " + column : "") + ": " + reason;
    }
}
