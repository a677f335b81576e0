package dev.vigie.nlp.sentiment;

import java.util.Objects;

/** One training example: a text and the label an analyst gave it. */
public record LabelledText(String text, SentimentLabel label) {
    public LabelledText {
        Objects.requireNonNull(label, "label");
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("training text must not be blank: '" + text + "'");
        }
    }
}
