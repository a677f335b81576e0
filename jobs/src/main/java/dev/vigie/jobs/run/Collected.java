package dev.vigie.jobs.run;

import dev.vigie.connectors.mention.Mention;
import java.io.Serializable;
import java.util.Objects;

/**
 * A mention collected for a watch, before enrichment.
 *
 * @param watch     the watch it was collected for
 * @param sourceKey the key of the source that gave it
 * @param mention   what the connector produced
 */
public record Collected(String watch, String sourceKey, Mention mention) implements Serializable {

    public Collected {
        Objects.requireNonNull(watch, "watch");
        Objects.requireNonNull(sourceKey, "sourceKey");
        Objects.requireNonNull(mention, "mention");
    }

    /** The Elasticsearch id: scoped by watch, so that two clients watching the same post each get their copy. */
    public String documentId() {
        return documentId(watch, mention.id());
    }

    static String documentId(String watch, String mentionId) {
        return watch + ":" + mentionId;
    }
}
