package dev.vigie.jobs.mail;

import dev.vigie.jobs.mail.internal.DigestItem;
import dev.vigie.jobs.watch.AlertRuleSpec;
import dev.vigie.jobs.watch.Watch;
import java.util.List;
import java.util.Objects;

/**
 * One digest to deliver on one channel: the hits of one rule, and the id the ledger gave it (derived from the hits and
 * the channel, so the same hits to the same channel always carry the same id: the email's Message-ID, the webhook's
 * {@code Idempotency-Key}).
 */
public record Digest(String id, Watch watch, AlertRuleSpec rule, List<DigestItem> items) {
    public Digest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(watch, "watch");
        Objects.requireNonNull(rule, "rule");
        items = List.copyOf(items);
        if (items.isEmpty()) {
            throw new IllegalArgumentException("digest " + id + " carries no hit");
        }
    }
}
