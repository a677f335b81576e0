package dev.vigie.connectors.http;

import dev.vigie.connectors.internal.CharsetSniffer;
import java.io.Serializable;
import java.net.URI;
import java.nio.charset.Charset;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The outcome of one fetch. Every failure is a value carrying the URL and the reason: fetching never throws into the
 * batch, so one bad source is counted and the run goes on.
 */
public sealed interface FetchResult extends Serializable
        permits FetchResult.Ok, FetchResult.NotModified, FetchResult.Failed {

    /** The URL that was asked for (before redirects). */
    URI url();

    /** When the fetch ended. */
    Instant fetchedAt();

    /**
     * A body was received.
     *
     * @param url requested URL
     * @param finalUrl URL after redirects: resolve relative links against this one
     * @param status 2xx status
     * @param contentType {@code Content-Type} header or {@code null}
     * @param body decoded (gunzipped/inflated) body bytes, at most the configured cap
     * @param validators validators to store for the next conditional fetch
     * @param headers response headers, names in lower case
     * @param fetchedAt end of the fetch
     */
    record Ok(
            URI url,
            URI finalUrl,
            int status,
            String contentType,
            byte[] body,
            Validators validators,
            Map<String, List<String>> headers,
            Instant fetchedAt)
            implements FetchResult {
        public Ok {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(finalUrl, "finalUrl");
            Objects.requireNonNull(fetchedAt, "fetchedAt");
            if (status < 200 || status > 299) {
                throw new IllegalArgumentException("an Ok result needs a 2xx status, got " + status);
            }
            body = body == null ? new byte[0] : body.clone();
            validators = validators == null ? Validators.NONE : validators;
            TreeMap<String, List<String>> copy = new TreeMap<>();
            if (headers != null) {
                headers.forEach((k, v) -> copy.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
            }
            headers = Map.copyOf(copy);
        }

        /** The body bytes (a copy). */
        @Override
        public byte[] body() {
            return body.clone();
        }

        /** Body length without copying it. */
        public int bodyLength() {
            return body.length;
        }

        /** First value of a response header, name case-insensitive. */
        public Optional<String> header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
        }

        /** The charset of the body: BOM, then {@code Content-Type}, then XML declaration or HTML meta, else UTF-8. */
        public Charset charset() {
            return CharsetSniffer.detect(body, contentType);
        }

        /**
         * The body as text in its detected charset. A body that is not valid in a declared UTF-8 is read as
         * windows-1252, as browsers and feed readers do.
         */
        public String text() {
            return CharsetSniffer.decode(body, contentType).text();
        }
    }

    /**
     * The server answered 304: nothing changed since the validators sent, and no body was downloaded.
     *
     * @param url requested URL
     * @param validators validators to keep (refreshed if the server sent new ones)
     * @param fetchedAt end of the fetch
     */
    record NotModified(URI url, Validators validators, Instant fetchedAt) implements FetchResult {
        public NotModified {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(fetchedAt, "fetchedAt");
            validators = validators == null ? Validators.NONE : validators;
        }
    }

    /**
     * The fetch failed.
     *
     * @param url requested URL
     * @param kind the reason, for counting
     * @param status the last HTTP status received, 0 when none
     * @param message a human-readable explanation naming the URL involved (e.g. the redirect target)
     * @param fetchedAt end of the fetch
     */
    record Failed(URI url, FailureKind kind, int status, String message, Instant fetchedAt) implements FetchResult {
        public Failed {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(fetchedAt, "fetchedAt");
            message = message == null || message.isBlank() ? kind.name() : message;
        }

        @Override
        public String toString() {
            return "Failed[" + kind + (status > 0 ? " " + status : "") + " " + url + ": " + message + "]";
        }
    }
}
