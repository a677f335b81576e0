package dev.vigie.jobs.mail;

import dev.vigie.jobs.watch.Secret;
import dev.vigie.jobs.watch.Webhook;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts JSON digests to webhooks with Apache HttpClient 5, and says how it went in the terms of the alert ledger.
 *
 * <ul>
 *   <li>2xx: delivered.
 *   <li>Connection refused or timed out before the request went out, 5xx, 408, 429: retried with back-off
 *       ({@code Retry-After} honoured) while the {@linkplain Builder#patience patience} lasts; then
 *       {@link MailDeliveryException.Kind#WEBHOOK_UNREACHABLE} or {@link MailDeliveryException.Kind#WEBHOOK_BUSY}: the
 *       hits stay pending for the next run. A {@code Retry-After} beyond the patience is not waited for.
 *   <li>Any other 4xx, or a redirect: {@link MailDeliveryException.Kind#WEBHOOK_REJECTED}, the reason with the
 *       status and the start of the answer. Redirects are never followed: the URL of a webhook holds its secret, and
 *       a receiver that moved says so with a new URL to configure. (HttpClient's redirect handling and automatic
 *       retries are off.)
 *   <li>The request was sent and no answer came in {@linkplain Builder#responseTimeout time}:
 *       {@link MailDeliveryException.Kind#WEBHOOK_OUTCOME_UNKNOWN}, not retried (it may have been delivered).
 * </ul>
 * Every message is scrubbed of the webhook's URL path, query and header values.
 */
public final class WebhookSender implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookSender.class);

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_RESPONSE_TIMEOUT = Duration.ofSeconds(15);
    /** How long an endpoint that is down or busy is retried within one run. */
    public static final Duration DEFAULT_PATIENCE = Duration.ofSeconds(60);

    public static final Duration DEFAULT_FIRST_PAUSE = Duration.ofMillis(500);
    public static final Duration DEFAULT_MAX_PAUSE = Duration.ofSeconds(10);
    /** Longest body sent: Slack and Teams refuse larger messages (Teams about 28 KB), receivers should too. */
    public static final int MAX_BODY_BYTES = 256 * 1024;
    /** Characters of an error answer kept as the reason. */
    static final int MAX_REASON = 200;

    private final Duration patience;
    private final Duration firstPause;
    private final Duration maxPause;
    private final CloseableHttpClient client;

    private WebhookSender(Builder b) {
        this.patience = b.patience;
        this.firstPause = b.firstPause;
        this.maxPause = b.maxPause;
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(b.connectTimeout))
                                .setSocketTimeout(Timeout.of(b.responseTimeout))
                                .setValidateAfterInactivity(Timeout.ofSeconds(1))
                                .build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.of(b.responseTimeout))
                        .setRedirectsEnabled(false)
                        .build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .setUserAgent("Vigie alerts")
                .build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A sender with the default time-outs and patience. */
    public static WebhookSender create() {
        return builder().build();
    }

    /** Settings of a {@link WebhookSender}. */
    public static final class Builder {
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration responseTimeout = DEFAULT_RESPONSE_TIMEOUT;
        private Duration patience = DEFAULT_PATIENCE;
        private Duration firstPause = DEFAULT_FIRST_PAUSE;
        private Duration maxPause = DEFAULT_MAX_PAUSE;

        private Builder() {}

        /** How long to wait for a connection. */
        public Builder connectTimeout(Duration value) {
            this.connectTimeout = value;
            return this;
        }

        /** How long to wait for the answer once the request is sent; past it the outcome is unknown. */
        public Builder responseTimeout(Duration value) {
            this.responseTimeout = value;
            return this;
        }

        /** How long an endpoint that is down, 5xx or 429 is retried before the digest is left for the next run. */
        public Builder patience(Duration value) {
            this.patience = value;
            return this;
        }

        /** The first pause between attempts (doubled after each, up to {@code max}). */
        public Builder pauses(Duration first, Duration max) {
            this.firstPause = first;
            this.maxPause = max;
            return this;
        }

        public WebhookSender build() {
            positive("connectTimeout", connectTimeout);
            positive("responseTimeout", responseTimeout);
            positive("firstPause", firstPause);
            positive("maxPause", maxPause);
            if (patience == null || patience.isNegative()) {
                throw new IllegalArgumentException("patience must be zero or positive, got " + patience);
            }
            if (maxPause.compareTo(firstPause) < 0) {
                throw new IllegalArgumentException(
                        "maxPause " + maxPause + " is shorter than firstPause " + firstPause);
            }
            return new WebhookSender(this);
        }

        private static void positive(String what, Duration d) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(what + " must be positive, got " + d);
            }
        }
    }

    /**
     * Posts {@code json} to {@code webhook}.
     *
     * @param idempotencyKey sent as {@code Idempotency-Key} (only to generic webhooks: Slack and Teams ignore it)
     * @return the answer's status
     */
    public int post(Webhook webhook, String json, String idempotencyKey) throws MailDeliveryException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        if (body.length > MAX_BODY_BYTES) {
            throw new MailDeliveryException(
                    MailDeliveryException.Kind.WEBHOOK_REJECTED,
                    webhook.describe() + ": digest of " + body.length + " bytes is larger than " + MAX_BODY_BYTES,
                    null);
        }
        Instant deadline = Instant.now().plus(patience);
        Duration pause = firstPause;
        int attempt = 0;
        while (true) {
            attempt++;
            HttpPost post = new HttpPost(URI.create(webhook.url().reveal()));
            post.setEntity(new StringEntity(json, ContentType.APPLICATION_JSON));
            if (webhook.kind() == Webhook.Kind.GENERIC) {
                post.setHeader("Idempotency-Key", idempotencyKey);
            }
            for (Map.Entry<String, Secret> h : webhook.headers().entrySet()) {
                post.setHeader(h.getKey(), h.getValue().reveal());
            }
            Answer answer;
            try {
                answer = client.execute(
                        post, response -> new Answer(response.getCode(), retryAfter(response), start(response)));
            } catch (ConnectTimeoutException | UnknownHostException | NoRouteToHostException | ConnectException e) {
                String why = webhook.describe() + " unreachable: " + webhook.scrub(e.getMessage());
                pause = waitOrGiveUp(
                        MailDeliveryException.Kind.WEBHOOK_UNREACHABLE, why, null, pause, deadline, attempt, e);
                continue;
            } catch (InterruptedIOException e) {
                // a response time-out (or a connect time-out the client reports this way after connecting)
                throw new MailDeliveryException(
                        MailDeliveryException.Kind.WEBHOOK_OUTCOME_UNKNOWN,
                        webhook.describe() + ": no answer after the request was sent (" + webhook.scrub(e.getMessage())
                                + ")",
                        null);
            } catch (IOException e) {
                throw new MailDeliveryException(
                        MailDeliveryException.Kind.WEBHOOK_OUTCOME_UNKNOWN,
                        webhook.describe()
                                + ": connection lost while sending ("
                                + e.getClass().getSimpleName() + ": "
                                + webhook.scrub(e.getMessage()) + ")",
                        null);
            }
            int status = answer.status();
            if (status >= 200 && status < 300) {
                LOG.debug("{} answered {} (attempt {})", webhook.describe(), status, attempt);
                return status;
            }
            String reason = webhook.describe() + " answered " + status
                    + (answer.body().isEmpty() ? "" : ": " + webhook.scrub(answer.body()));
            if (status == 429 || status == 408 || status >= 500) {
                pause = waitOrGiveUp(
                        MailDeliveryException.Kind.WEBHOOK_BUSY,
                        reason,
                        answer.retryAfter(),
                        pause,
                        deadline,
                        attempt,
                        null);
                continue;
            }
            if (status >= 300 && status < 400) {
                reason = webhook.describe() + " answered " + status + " (a redirect, not followed: the webhook URL "
                        + "holds its secret; configure the new URL)";
            }
            throw new MailDeliveryException(MailDeliveryException.Kind.WEBHOOK_REJECTED, reason, null);
        }
    }

    /** Sleeps before the next attempt, or throws when the pause would end after the deadline. Returns the next pause. */
    private Duration waitOrGiveUp(
            MailDeliveryException.Kind kind,
            String why,
            Duration retryAfter,
            Duration pause,
            Instant deadline,
            int attempt,
            Exception cause)
            throws MailDeliveryException {
        Duration wait = retryAfter != null ? retryAfter : pause;
        if (Instant.now().plus(wait).isAfter(deadline)) {
            String after = retryAfter == null ? "" : "; asked to retry after " + retryAfter.toSeconds() + " s";
            throw new MailDeliveryException(
                    kind, why + " (" + attempt + (attempt == 1 ? " attempt" : " attempts") + after + ")", null);
        }
        LOG.info("{}; trying again in {} ms", why, wait.toMillis());
        try {
            TimeUnit.MILLISECONDS.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MailDeliveryException(kind, why + " (interrupted while waiting to retry)", cause);
        }
        Duration next = pause.multipliedBy(2);
        return next.compareTo(maxPause) > 0 ? maxPause : next;
    }

    private record Answer(int status, Duration retryAfter, String body) {}

    /** {@code Retry-After} in seconds or as an HTTP date, or {@code null}. */
    static Duration retryAfter(ClassicHttpResponse response) {
        Header h = response.getFirstHeader("Retry-After");
        if (h == null || h.getValue() == null) {
            return null;
        }
        String v = h.getValue().trim();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(v)));
        } catch (NumberFormatException e) {
            try {
                Duration d = Duration.between(
                        Instant.now(),
                        ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME)
                                .toInstant());
                return d.isNegative() ? Duration.ZERO : d;
            } catch (DateTimeParseException ignored) {
                return null;
            }
        }
    }

    /** The start of the answer's body, one line, for a reason ("no_service", "invalid_payload"). */
    private static String start(ClassicHttpResponse response) throws IOException {
        if (response.getEntity() == null) {
            return "";
        }
        try (InputStream in = response.getEntity().getContent()) {
            if (in == null) {
                return "";
            }
            String s = new String(in.readNBytes(MAX_REASON * 4), StandardCharsets.UTF_8)
                    .replaceAll("[\\p{Cntrl}\\s]+", " ")
                    .trim();
            return s.length() > MAX_REASON ? s.substring(0, MAX_REASON) + "…" : s;
        }
    }

    @Override
    public void close() {
        client.close(CloseMode.GRACEFUL);
    }

    @Override
    public String toString() {
        return "WebhookSender[patience " + patience + "]";
    }
}
