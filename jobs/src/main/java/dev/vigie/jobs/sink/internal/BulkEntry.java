package dev.vigie.jobs.sink.internal;

import dev.vigie.jobs.sink.EsDocument;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import org.apache.flink.annotation.Internal;

/**
 * A document waiting in the sink's buffer, with the number of times Elasticsearch has refused it with a retryable
 * status. The source is kept as the UTF-8 line the {@code _bulk} body carries, encoded once when the document enters
 * the buffer: its size bounds the batches and the bytes go into the request as they are.
 */
@Internal
public final class BulkEntry implements Serializable {

    private static final long serialVersionUID = 1L;
    /** Bytes of an action line besides the index and the id. */
    private static final int ACTION_LINE_BYTES = 40;

    private final String index;
    private final String id;
    private final byte[] source;
    private final int attempts;

    /**
     * An entry for {@code document}. Line breaks in its source can only be whitespace between JSON tokens (JSON
     * strings escape them) and would cut the newline-delimited body: they become spaces.
     */
    public BulkEntry(EsDocument document, int attempts) {
        this(
                Objects.requireNonNull(document, "document must not be null").index(),
                document.id(),
                oneLine(document.source()).getBytes(StandardCharsets.UTF_8),
                attempts);
    }

    private BulkEntry(String index, String id, byte[] source, int attempts) {
        if (attempts < 0) {
            throw new IllegalArgumentException("attempts must be >= 0, was " + attempts);
        }
        this.index = index;
        this.id = id;
        this.source = source;
        this.attempts = attempts;
    }

    private static String oneLine(String source) {
        return source.indexOf('\n') < 0 && source.indexOf('\r') < 0
                ? source
                : source.replace('\n', ' ').replace('\r', ' ');
    }

    /** The document, decoded again (for error records and checkpoints, not on the write path). */
    public EsDocument document() {
        return new EsDocument(index, id, new String(source, StandardCharsets.UTF_8));
    }

    public String index() {
        return index;
    }

    public String id() {
        return id;
    }

    /** The source as one UTF-8 line; the array itself, which nobody may change. */
    byte[] sourceBytes() {
        return source;
    }

    public int attempts() {
        return attempts;
    }

    /** Bytes this entry adds to a {@code _bulk} body (action line and source), used to bound batches. */
    public long sizeInBytes() {
        return source.length + index.length() + id.length() + ACTION_LINE_BYTES;
    }

    /** The same entry, one more retryable refusal counted. */
    public BulkEntry retried() {
        return new BulkEntry(index, id, source, attempts + 1);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BulkEntry that
                && index.equals(that.index)
                && id.equals(that.id)
                && Arrays.equals(source, that.source)
                && attempts == that.attempts;
    }

    @Override
    public int hashCode() {
        return Objects.hash(index, id, Arrays.hashCode(source), attempts);
    }

    @Override
    public String toString() {
        return "BulkEntry[" + index + "/" + id + ", " + source.length + " bytes, attempts " + attempts + "]";
    }
}
