package dev.vigie.jobs.run;

import dev.vigie.connectors.mention.Mention;
import java.io.Serializable;
import java.util.Objects;

/**
 * A mention collected for a watch, before enrichment.
 *
 * @param watch      the watch it was collected for
 * @param sourceKey  the key of the source that gave it
 * @param mention    what the connector produced
 * @param competitor the competitor whose own feed published it, or {@code null}: a competitor's blog post is about
 *                   that competitor even when it never writes its name, and share of voice must count it
 */
public record Collected(String watch, String sourceKey, Mention mention, String competitor) implements Serializable {

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
