package dev.vigie.jobs.watch.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The keys of one mapping of a watch file, each listed once with what reads it. The same table refuses unknown keys
 * (with a suggestion and the list of known ones) and reads the known ones, in the order they are listed, into a
 * draft of type {@code D}; so a key cannot be accepted without being read, nor read without being accepted.
 *
 * @param <D> the mutable draft the readers fill in, turned into a record once every key is read
 */
final class Section<D> {
    /** Reads one key, present or absent, into the draft, reporting its errors. */
    @FunctionalInterface
    interface KeyReader<D> {
        void read(D draft, Field field);
    }

    private final Map<String, KeyReader<D>> readers = new LinkedHashMap<>();

    /** Adds a key; keys are read in the order they are added, and listed in that order in errors. */
    Section<D> key(String name, KeyReader<D> reader) {
        if (readers.putIfAbsent(name, reader) != null) {
            throw new IllegalArgumentException("key '" + name + "' is listed twice");
        }
        return this;
    }

    List<String> keys() {
        return List.copyOf(readers.keySet());
    }

    /** The keys as written in an expectation, {@code { id, query, every }}. */
    String braces() {
        return "{ " + String.join(", ", readers.keySet()) + " }";
    }

    /** Refuses the unknown keys of {@code m}, then reads every key of the table into {@code draft}. */
    D read(ValueReader values, YamlNode.Mapping m, String path, D draft) {
        refuseUnknown(values, m, path);
        return readKeys(values, m, path, draft);
    }

    /** Reports each key of {@code m} that is not in the table, at the line of the key. */
    void refuseUnknown(ValueReader values, YamlNode.Mapping m, String path) {
        List<String> allowed = keys();
        m.entries().forEach((key, entry) -> {
            if (!readers.containsKey(key)) {
                values.error(
                        entry.keyLine(),
                        Field.join(path, key),
                        "unknown key" + ValueReader.suggest(key, allowed) + "; expected one of "
                                + String.join(", ", allowed));
            }
        });
    }

    /** Reads every key of the table, present or not, into {@code draft}. */
    D readKeys(ValueReader values, YamlNode.Mapping m, String path, D draft) {
        readers.forEach((key, reader) -> reader.read(draft, new Field(values, m, path, key)));
        return draft;
    }
}
