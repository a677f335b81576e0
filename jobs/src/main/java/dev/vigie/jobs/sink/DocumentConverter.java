package dev.vigie.jobs.sink;

import java.io.Serializable;

/**
 * Turns a record of the job into the document the sink writes. Implementations are small serializable functions.
 *
 * @param <T> the record type
 */
@FunctionalInterface
public interface DocumentConverter<T> extends Serializable {

    /** The document for {@code record}; must not return {@code null}. */
    EsDocument toDocument(T record);

    /** The identity converter, for streams that already carry {@link EsDocument}s. */
    static DocumentConverter<EsDocument> identity() {
        return document -> document;
    }
}
