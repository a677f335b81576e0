package dev.vigie.jobs.watch;

import java.io.Serializable;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where an alert rule posts its digests besides email: a Slack or Microsoft Teams incoming webhook, or a generic JSON
 * webhook. The URL of an incoming webhook is its secret (whoever has it can post to the channel), so it is held as a
 * {@link Secret} and printed only {@linkplain #masked() masked}: scheme, host and port, never the path or query.
 *
 * @param kind    which payload format the endpoint expects
 * @param url     the endpoint, an absolute https URL (http only on a loopback host, for a local relay or a test)
 * @param headers extra request headers (e.g. {@code Authorization} of a generic webhook), values secret too
 */
public record Webhook(Kind kind, Secret url, Map<String, Secret> headers) implements Serializable {

    /** Headers that Vigie sets itself and a watch cannot replace. */
    public static final Set<String> RESERVED_HEADERS = Set.of(
            "host",
            "content-type",
            "content-length",
            "idempotency-key",
            "transfer-encoding",
            "connection",
            "user-agent");

    private static final Pattern HEADER_NAME = Pattern.compile("[A-Za-z0-9!#$%&'*+.^_`|~-]+");

    /** The payload format of an endpoint, and the prefix that names it in a rule's {@code to}. */
    public enum Kind {
        /** A Slack incoming webhook: {@code text} + Block Kit {@code blocks}. */
        SLACK("slack", "Slack"),
        /** A Microsoft Teams incoming webhook (Workflows or legacy connector): an Adaptive Card message. */
        TEAMS("teams", "Teams"),
        /** Any HTTP receiver: Vigie's JSON digest ({@code vigie.alert-digest} version 1). */
        GENERIC("webhook", "webhook");

        private final String code;
        private final String label;

        Kind(String code, String label) {
            this.code = code;
            this.label = label;
        }

        /** The prefix in {@code to} ({@code slack:}) and the {@code kind} of a {@code webhooks:} entry. */
        public String code() {
            return code;
        }

        /** The name a person reads: "Slack", "Teams", "webhook". */
        public String label() {
            return label;
        }

        /** The kind whose code is {@code code}, or {@code null}. */
        public static Kind of(String code) {
            for (Kind k : values()) {
                if (k.code.equals(code)) {
                    return k;
                }
            }
            return null;
        }
    }

    public Webhook {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(url, "url");
        String problem = urlProblem(url.reveal());
        if (problem != null) {
            // the value itself is a secret: say what is wrong, show only what masking shows
            throw new IllegalArgumentException(kind.code() + " URL " + mask(url.reveal()) + " is not " + problem);
        }
        Map<String, Secret> copy = new LinkedHashMap<>();
        for (Map.Entry<String, Secret> h : headers.entrySet()) {
            String name = h.getKey();
            if (name == null || !HEADER_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("webhook header name '" + name + "' is not an HTTP header name");
            }
            if (RESERVED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("webhook header '" + name + "' is set by Vigie itself");
            }
            String value = Objects.requireNonNull(h.getValue(), "header value").reveal();
            if (value.chars().anyMatch(c -> c < 0x20 && c != '\t' || c == 0x7f)) {
                throw new IllegalArgumentException(
                        "webhook header '" + name + "' has a line break or control " + "character in its value");
            }
            copy.put(name, h.getValue());
        }
        headers = java.util.Collections.unmodifiableMap(copy);
    }

    /** A webhook without extra headers. */
    public static Webhook of(Kind kind, String url) {
        return new Webhook(kind, Secret.of(url), Map.of());
    }

    /**
     * What is wrong with {@code url} as a webhook endpoint, or {@code null}: an absolute https URL with a host, or http
     * to a loopback host (a local relay, a test). Private addresses are allowed: an on-premises receiver is the
     * watch owner's choice (the private-address guard protects against URLs that come from fetched content).
     */
    public static String urlProblem(String url) {
        URI uri = Checks.httpUrl(url);
        if (uri == null || uri.getRawUserInfo() != null) {
            return "an absolute https URL like https://hooks.example.com/..., without user:password@";
        }
        if (uri.getRawFragment() != null) {
            return "a URL without #fragment";
        }
        if (uri.getScheme().equalsIgnoreCase("http") && !isLoopback(uri.getHost())) {
            return "an https URL (plain http is accepted only to a loopback host: the URL and the digest are secret)";
        }
        return null;
    }

    private static boolean isLoopback(String host) {
        String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (h.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!h.matches("[0-9.]+|[0-9a-fA-F:]+")) {
            return false; // a name is not resolved here: only literal loopback addresses count
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /**
     * The channel's key in the alert ledger and the run summary: {@code slack:hooks.slack.com#3fa9c2d1}, the kind, the
     * host and the start of a hash of the whole URL (and headers) - stable while the URL stays the same, never the
     * secret. A new URL (a rotated secret) is a new channel: pending hits are re-targeted to it.
     */
    public String channelId() {
        StringBuilder all = new StringBuilder(url.reveal());
        headers.forEach((k, v) ->
                all.append('\n').append(k.toLowerCase(Locale.ROOT)).append(':').append(v.reveal()));
        return kind.code() + ":" + URI.create(url.reveal()).getHost().toLowerCase(Locale.ROOT) + "#"
                + sha256(all.toString()).substring(0, 8);
    }

    /** The URL as it may be printed: {@code https://hooks.slack.com/…}. */
    public String masked() {
        return mask(url.reveal());
    }

    /** For a person: {@code Slack https://hooks.slack.com/…}. */
    public String describe() {
        return kind.label() + " " + masked();
    }

    /** {@code url} without path, query or user info: {@code https://host:port/…}; anything unparsable is "****". */
    public static String mask(String url) {
        try {
            URI uri = new URI(url.trim());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return "****";
            }
            return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost()
                    + (uri.getPort() >= 0 ? ":" + uri.getPort() : "") + "/…";
        } catch (java.net.URISyntaxException | RuntimeException e) {
            return "****";
        }
    }

    /** {@code text} with every occurrence of this webhook's URL, its path or header values replaced by masks. */
    public String scrub(String text) {
        if (text == null) {
            return "";
        }
        String out = text.replace(url.reveal(), masked());
        String path = URI.create(url.reveal()).getRawPath();
        if (path != null && path.length() > 1) {
            out = out.replace(path, "/…");
        }
        for (Secret v : headers.values()) {
            if (v.reveal().length() >= 4) {
                out = out.replace(v.reveal(), "****");
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return "Webhook[" + describe() + (headers.isEmpty() ? "" : ", headers " + headers.keySet()) + "]";
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
