package dev.vigie.jobs.mail;

import dev.vigie.jobs.mail.internal.WebhookPayloads;
import dev.vigie.jobs.watch.Webhook;
import java.util.Objects;

/**
 * A digest posted to a Slack, Teams or generic webhook in that service's format
 * ({@link WebhookPayloads}). The generic webhook gets an {@code Idempotency-Key} header, {@code <digest id>:<channel>},
 * so that a receiver can drop the copy of a digest sent again after an unknown outcome.
 */
public final class WebhookChannel implements Channel {
    private final WebhookSender sender;
    private final Webhook webhook;

    public WebhookChannel(WebhookSender sender, Webhook webhook) {
        this.sender = Objects.requireNonNull(sender, "sender");
        this.webhook = Objects.requireNonNull(webhook, "webhook");
    }

    /** The idempotency key of a digest on a channel. */
    public static String idempotencyKey(String digestId, String channelId) {
        return digestId + ":" + channelId;
    }

    @Override
    public String id() {
        return webhook.channelId();
    }

    @Override
    public String describe() {
        return webhook.describe();
    }

    @Override
    public String endpoint() {
        return webhook.channelId();
    }

    @Override
    public int maxHitsPerDigest() {
        return switch (webhook.kind()) {
            case SLACK -> WebhookPayloads.SLACK_MAX_HITS;
            case TEAMS -> WebhookPayloads.TEAMS_MAX_HITS;
            case GENERIC -> WebhookPayloads.GENERIC_MAX_HITS;
        };
    }

    @Override
    public Delivery deliver(Digest digest) throws MailDeliveryException {
        String key = idempotencyKey(digest.id(), id());
        WebhookPayloads.Content content = new WebhookPayloads.Content(
                digest.id(),
                key,
                id(),
                digest.watch().id(),
                digest.watch().brand().name(),
                digest.rule(),
                digest.watch().language(),
                digest.watch().timezone(),
                digest.items());
        String body = switch (webhook.kind()) {
            case SLACK -> WebhookPayloads.slack(content);
            case TEAMS -> WebhookPayloads.teams(content);
            case GENERIC -> WebhookPayloads.generic(content);
        };
        sender.post(webhook, body, key);
        return new Delivery(key, null);
    }
}
