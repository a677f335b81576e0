package dev.vigie.jobs.watch.internal;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * One key of a mapping being read: where its value is written (absent when the key is not in the file), the path
 * errors name, and the typed readers of {@link ValueReader} applied to it.
 *
 * @param values  reads values and collects the errors of the file
 * @param mapping the mapping the key belongs to
 * @param parent  the path of that mapping, empty at the top of the file
 * @param key     the key
 */
record Field(ValueReader values, YamlNode.Mapping mapping, String parent, String key) {

    /** The value written for the key, or {@code null} when the key is absent. */
    YamlNode node() {
        YamlNode.Entry entry = mapping.entries().get(key);
        return entry == null ? null : entry.value();
    }

    /** The field's path in errors, such as {@code alerts[0].every}. */
    String path() {
        return join(parent, key);
    }

    String string(boolean required) {
        return values.string(this, required);
    }

    String secret() {
        return values.secret(this);
    }

    List<String> strings() {
        return values.strings(this);
    }

    <T> List<T> list(ValueReader.ItemReader<T> reader) {
        return values.list(this, reader);
    }

    <E> E choice(Map<String, E> allowed, E fallback) {
        return values.choice(this, allowed, fallback);
    }

    URI requiredUrl() {
        return values.requiredUrl(this);
    }

    List<URI> urls() {
        return values.urls(this);
    }

    List<String> emails() {
        return values.emails(this);
    }

    /** Reports an error of this field at the line of its value, or of its mapping when it is absent. */
    void error(String message) {
        values.error(node() == null ? mapping : node(), path(), message);
    }

    static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}
