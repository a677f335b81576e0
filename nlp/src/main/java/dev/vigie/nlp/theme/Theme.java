package dev.vigie.nlp.theme;

import java.io.Serializable;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A curation theme of a watch ({@code themes:} in the watch file): an id as indexed in {@code themes[]}, a label
 * for people, a few example texts and keywords. At least one example or keyword is needed to recognise it.
 */
public record Theme(String id, String label, List<String> examples, List<String> keywords) implements Serializable {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]*");

    public Theme {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("theme id must match [a-z0-9][a-z0-9_-]*: '" + id + "'");
        }
        label = label == null || label.isBlank() ? id : label;
        examples = List.copyOf(examples == null ? List.of() : examples);
        keywords = List.copyOf(keywords == null ? List.of() : keywords);
        if (examples.stream().allMatch(String::isBlank) && keywords.stream().allMatch(String::isBlank)) {
            throw new IllegalArgumentException("theme '" + id + "' needs at least one example or keyword");
        }
    }
}
