package dev.vigie.nlp.alert;

import java.io.Serializable;
import java.util.List;

/**
 * The outcome of matching one document: the rules that matched and the rules that failed on it (an empty list in
 * normal operation).
 *
 * @param documentId the document's id
 * @param matches rules that matched and passed the rule's language and sentiment filters, ordered by rule id
 * @param errors rules that failed on this document
 */
public record AlertResult(String documentId, List<AlertMatch> matches, List<RuleError> errors) implements Serializable {

    /** Copies the lists. */
    public AlertResult {
        matches = List.copyOf(matches);
        errors = List.copyOf(errors);
    }

    /** The ids of the matched rules, in order. */
    public List<String> ruleIds() {
        return matches.stream().map(AlertMatch::ruleId).toList();
    }
}
