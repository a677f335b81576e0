package dev.vigie.jobs.watch.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A node of a YAML document that remembers where it was written, so that every error can name its line.
 * (Jackson's tree model forgets locations.)
 */
public sealed interface YamlNode {
    int line();

    /** What a user would call this kind of node in an error message. */
    String kindName();

    /** A mapping; keys keep the file's order and their own lines. */
    record Mapping(int line, Map<String, Entry> entries) implements YamlNode {
        public Mapping {
            entries = new LinkedHashMap<>(entries);
        }

        @Override
        public String kindName() {
            return "a mapping";
        }
    }

    record Entry(int keyLine, YamlNode value) {}

    record Sequence(int line, List<YamlNode> items) implements YamlNode {
        public Sequence {
            items = List.copyOf(items);
        }

        @Override
        public String kindName() {
            return "a list";
        }
    }

    /** A scalar; {@code text} is {@code null} for an empty value or {@code null}. */
    record Scalar(int line, String text, Type type) implements YamlNode {
        public enum Type {
            STRING,
            NUMBER,
            BOOLEAN,
            NULL
        }

        @Override
        public String kindName() {
            return switch (type) {
                case STRING -> "a string";
                case NUMBER -> "a number";
                case BOOLEAN -> "a boolean";
                case NULL -> "an empty value";
            };
        }
    }
}
