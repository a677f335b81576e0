package dev.vigie.jobs.mail;

/**
 * Where the digests of an alert rule go: an email address or a webhook. The {@link AlertDispatcher} keeps one ledger
 * entry per (rule, mention, channel) and moves it {@code pending -> sending -> sent} whatever the channel is; a channel
 * only renders a digest in its format and hands it over, saying how it went.
 */
public interface Channel {

    /** The channel's key in the ledger ({@code recipients}): an email address, or {@code slack:host#hash}. */
    String id();

    /** For a person (summary, logs): an address, or {@code Slack https://hooks.slack.com/…}; never a secret. */
    String describe();

    /**
     * What a failure is shared with: after a digest failed on an endpoint, the other digests of the dispatch to the
     * same endpoint wait for the next run (they would meet the same fault), those to other endpoints still go.
     */
    String endpoint();

    /** Most hits in one digest; more are split into several digests (each with its own id). */
    int maxHitsPerDigest();

    /**
     * Renders and hands over a digest.
     *
     * @throws MailDeliveryException when it was not delivered ({@link MailDeliveryException#permanent()} when it never
     *                               will be), or it is not known whether it was
     *                               ({@link MailDeliveryException#outcomeUnknown()})
     */
    Delivery deliver(Digest digest) throws MailDeliveryException;
}
