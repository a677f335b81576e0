package dev.vigie.jobs.watch;

import java.io.Serializable;
import java.util.List;

/**
 * A curation theme: mentions are classified into themes from example texts and keywords.
 *
 * @param id       unique in the watch, {@code [a-z0-9-]+}; what is indexed and aggregated
 * @param label    what people read in dashboards and reports (the id when not given)
 * @param examples example texts of the theme
 * @param keywords words or phrases typical of the theme
 */
public record ThemeSpec(String id, String label, List<String> examples, List<String> keywords) implements Serializable {
    public ThemeSpec {
        Checks.requireId("theme id", id);
        label = label == null || label.isBlank() ? id : label;
        examples = Checks.requireTexts("theme example", examples);
        keywords = Checks.requireTexts("theme keyword", keywords);
        if (examples.isEmpty() && keywords.isEmpty()) {
            throw new IllegalArgumentException("theme '" + id + "' needs examples or keywords");
        }
    }
}
