package dev.vigie.nlp.alert;

import java.io.Serializable;
import java.util.List;

/**
 * A rule that matched a document.
 *
 * @param watch the watch of the rule
 * @param ruleId the rule id
 * @param matchedTerms the distinct words and phrases of the document that matched, as written in the document
 *     ({@code L'Oréal}, {@code pannes}), in order of appearance; excluded terms never appear
 * @param highlights the spans behind {@code matchedTerms}, for snippets
 */
public record AlertMatch(String watch, String ruleId, List<String> matchedTerms, List<Highlight> highlights)
        implements Serializable {

    /** Copies the lists. */
    public AlertMatch {
        if (ruleId == null || ruleId.isBlank()) {
            throw new IllegalArgumentException("alert match needs a rule id");
        }
        matchedTerms = List.copyOf(matchedTerms);
        highlights = List.copyOf(highlights);
    }
}
