package dev.vigie.connectors.http;

import java.io.Serializable;

/**
 * HTTP cache validators of a resource, stored by the run job between runs so that the next fetch is conditional
 * ({@code If-None-Match} / {@code If-Modified-Since}) and an unchanged resource costs no body.
 *
 * @param etag the {@code ETag} header as received (quotes kept), or {@code null}
 * @param lastModified the {@code Last-Modified} header as received, or {@code null}
 */
public record Validators(String etag, String lastModified) implements Serializable {
    /** No validators: the first fetch of a resource. */
    public static final Validators NONE = new Validators(null, null);

    public Validators {
        etag = etag == null || etag.isBlank() ? null : etag.strip();
        lastModified = lastModified == null || lastModified.isBlank() ? null : lastModified.strip();
    }

    /** Whether there is anything to send. */
    public boolean isEmpty() {
        return etag == null && lastModified == null;
    }
}
