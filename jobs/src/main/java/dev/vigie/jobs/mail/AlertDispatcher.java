package dev.vigie.jobs.mail;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import dev.vigie.jobs.mail.internal.DigestItem;
import dev.vigie.jobs.mail.internal.Ledger;
import dev.vigie.jobs.mail.internal.Snippets;
import dev.vigie.jobs.watch.AlertRuleSpec;
import dev.vigie.jobs.watch.Frequency;
import dev.vigie.jobs.watch.MailSettings;
import dev.vigie.jobs.watch.Watch;
import dev.vigie.jobs.watch.Webhook;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a watch's alert hits as digests, exactly once per (rule, mention, channel): by email, and to the Slack, Teams
 * and generic webhooks of the rule ({@link Channel}: {@link EmailChannel}, {@link WebhookChannel}). Every channel has
 * its own ledger entries, so an email delivered and a Slack webhook down leave the email {@code sent} and the Slack
 * hits {@code pending}, sent once by a later run.
 *
 * <p>{@link #dispatch} first records every new hit as {@code pending} in {@code vigie-alerts} (a hit already there
 * stays as it is: reruns add nothing), then sends, per rule and recipient, the pending hits that are due. Each digest
 * has an id derived from the hits it carries ({@link Ledger#digestId}); its hits move
 * {@code pending -> sending(digest id) -> sent} with optimistic concurrency, and the email's Message-ID is the digest
 * id. {@code every: run} sends at each dispatch; {@code every: day} sends the hits matched before today (in the
 * watch's time zone) at the first dispatch of the day; {@code every: week} the hits matched before this week's Monday.
 *
 * <p>What each delivery outcome does:
 * <ul>
 *   <li><b>delivered</b> (SMTP answered 250, or the {@code .eml} file is in the outbox): the hits are {@code sent}.
 *   <li><b>failed for sure</b> (SMTP unreachable or refusing before the message was sent, outbox full or read-only):
 *       the hits go back to {@code pending} with the reason ({@code last_error}), shown in the summary; the next
 *       dispatch sends them. Sending stops for this dispatch (the next digest would meet the same fault).
 *   <li><b>unknown</b> (the whole message was sent and the SMTP acknowledgement did not come: a time-out, a lost
 *       connection; or the run died between sending and recording): the hits stay {@code sending} with the digest id.
 *       They are not sent again before {@link #DEFAULT_UNKNOWN_OUTCOME_GRACE} (24 hours) has passed: a slow server
 *       that accepted the message does not get it twice. After that, the same digest (same hits, same Message-ID, so
 *       a recipient's mail system can recognise it) is sent once more and the hits are then {@code sent}. Until then
 *       the summary counts them as "unknown", and an operator who knows the outcome can set their status to
 *       {@code sent} (or {@code pending}) in {@code vigie-alerts}.
 * </ul>
 *
 * <p>When a rule's recipients change, the pending (and unknown) hits of a recipient no longer listed are re-targeted:
 * they become pending for each current recipient of the rule and the old entry is {@code dropped} with the reason.
 * When the rule itself is removed, its pending hits are {@code dropped} ("rule removed"). Both are counted in the
 * summary; nothing pending disappears silently. A rule whose query changed keeps its pending hits: they matched
 * the rule when they were found.
 *
 * <p>One dispatch per watch at a time: the run's lease on the watch ensures it; the conditional moves make a second
 * dispatch that slipped through skip the hits the first one claimed.
 */
public final class AlertDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(AlertDispatcher.class);

    /** How long hits whose delivery had an unknown outcome wait before their digest is sent again. */
    public static final Duration DEFAULT_UNKNOWN_OUTCOME_GRACE = Duration.ofHours(24);

    private final Ledger ledger;
    private final Function<MailSettings, Mailer> mailers;
    private final Duration unknownOutcomeGrace;
    /** The sender of webhooks, or {@code null} for one made (and closed) by each dispatch. */
    private final WebhookSender webhooks;

    /** A dispatcher writing its ledger with {@code es} and sending with {@link Mailer#create(MailSettings)}. */
    public AlertDispatcher(ElasticsearchClient es) {
        this(es, Mailer::create);
    }

    /** A dispatcher with its own way to make mailers (e.g. a short SMTP timeout). */
    public AlertDispatcher(ElasticsearchClient es, Function<MailSettings, Mailer> mailers) {
        this(es, mailers, Ledger.Calls.DIRECT, DEFAULT_UNKNOWN_OUTCOME_GRACE);
    }

    /**
     * A dispatcher whose calls to Elasticsearch go through {@code calls} (retried with the run's patience), and that
     * sends a digest with an unknown outcome again after {@code unknownOutcomeGrace}.
     */
    public AlertDispatcher(
            ElasticsearchClient es,
            Function<MailSettings, Mailer> mailers,
            Ledger.Calls calls,
            Duration unknownOutcomeGrace) {
        this(es, mailers, null, calls, unknownOutcomeGrace);
    }

    /**
     * A dispatcher posting to webhooks with {@code webhooks} (its time-outs and patience; the caller closes it), or,
     * when {@code null}, with a {@link WebhookSender#create() default sender} per dispatch.
     */
    public AlertDispatcher(
            ElasticsearchClient es,
            Function<MailSettings, Mailer> mailers,
            WebhookSender webhooks,
            Ledger.Calls calls,
            Duration unknownOutcomeGrace) {
        this.ledger = new Ledger(Objects.requireNonNull(es, "es"), calls);
        this.mailers = Objects.requireNonNull(mailers, "mailers");
        this.webhooks = webhooks;
        this.unknownOutcomeGrace = Objects.requireNonNull(unknownOutcomeGrace, "unknownOutcomeGrace");
    }

    /**
     * What happened to one rule's alerts in one dispatch.
     *
     * @param hits          hits of this run that passed the rule's filters
     * @param digestsSent   digests delivered (emails and webhook posts)
     * @param emailed       hits delivered in them, on every channel
     * @param pending       hits still waiting (not due yet, or delivery failed: see {@code pendingReason})
     * @param dropped       hits that will not be sent to their recipient: the rule or the recipient left the watch
     * @param retargeted    of those, the hits made pending again for the rule's current recipients
     * @param unknown       hits whose digest was sent without acknowledgement (not sent again before the grace)
     * @param pendingReason why hits are pending, for a person ("SMTP server unreachable", "next daily digest",
     *                      "endpoint busy (Slack https://hooks.slack.com/…)"), or empty
     * @param failed        hits a channel refused for good (a webhook answering 4xx): status {@code failed}
     * @param failedReason  what the channel answered, or empty
     */
    public record RuleCounts(
            String rule,
            int hits,
            int digestsSent,
            int emailed,
            int pending,
            int dropped,
            int retargeted,
            int unknown,
            String pendingReason,
            int failed,
            String failedReason) {
        public RuleCounts {
            pendingReason = Objects.requireNonNullElse(pendingReason, "");
            failedReason = Objects.requireNonNullElse(failedReason, "");
        }

        /** Counts with nothing failed. */
        public RuleCounts(
                String rule,
                int hits,
                int digestsSent,
                int emailed,
                int pending,
                int dropped,
                int retargeted,
                int unknown,
                String pendingReason) {
            this(rule, hits, digestsSent, emailed, pending, dropped, retargeted, unknown, pendingReason, 0, "");
        }

        /** Counts with nothing dropped, re-targeted or unknown. */
        public RuleCounts(String rule, int hits, int digestsSent, int emailed, int pending) {
            this(rule, hits, digestsSent, emailed, pending, 0, 0, 0, "");
        }
    }

    /**
     * The outcome of a dispatch.
     *
     * @param rules         one entry per alert rule of the watch, in the watch's order, then one per rule removed
     *                      from the watch whose pending hits were dropped
     * @param destination   the SMTP server or the outbox folder
     * @param deliveryError why sending stopped (SMTP down), when it did; the unsent hits are pending
     */
    public record Result(List<RuleCounts> rules, String destination, Optional<String> deliveryError) {
        public Result {
            rules = List.copyOf(rules);
        }

        public int emailed() {
            return rules.stream().mapToInt(RuleCounts::emailed).sum();
        }

        public int pending() {
            return rules.stream().mapToInt(RuleCounts::pending).sum();
        }

        public Optional<RuleCounts> rule(String id) {
            return rules.stream().filter(r -> r.rule().equals(id)).findFirst();
        }
    }

    /** Mutable counts of one rule during a dispatch. */
    private static final class Tally {
        int hits;
        int digests;
        int emailed;
        int pending;
        int dropped;
        int retargeted;
        int unknown;
        int failed;
        String pendingReason = "";
        String failedReason = "";
    }

    /** One digest to deliver: hits of one rule for one channel. */
    private record Batch(String rule, Channel channel, List<Ledger.Entry> entries, String digestId, boolean resend) {}

    /**
     * Records the hits of a run and sends the digests that are due.
     *
     * @param hits hits of this run for {@code watch}; hits that do not pass their rule's language or sentiment filter
     *             are left out, hits of a rule the watch no longer has are logged and left out
     * @param now  the run's time, which decides what is due
     * @throws IllegalArgumentException when a hit belongs to another watch (one client's alerts never reach another)
     * @throws IOException              when the ledger cannot be read or written; nothing was sent twice
     */
    public Result dispatch(Watch watch, List<AlertHit> hits, Instant now) throws IOException {
        try {
            return dispatchOrInterrupt(watch, hits, now);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("alert dispatch of watch " + watch.id() + " interrupted");
        }
    }

    private Result dispatchOrInterrupt(Watch watch, List<AlertHit> hits, Instant now)
            throws IOException, InterruptedException {
        Map<String, Tally> tallies = new LinkedHashMap<>();
        watch.alerts().forEach(r -> tallies.put(r.id(), new Tally()));
        Map<String, Set<String>> hitsPerRule = new LinkedHashMap<>();
        watch.alerts().forEach(r -> hitsPerRule.put(r.id(), new LinkedHashSet<>()));
        List<Ledger.Entry> entries = new ArrayList<>();
        for (AlertHit hit : hits) {
            if (!hit.watch().equals(watch.id())) {
                throw new IllegalArgumentException("hit " + hit.mentionId() + " of watch '" + hit.watch()
                        + "' given to the dispatch of watch '" + watch.id() + "'");
            }
            Optional<AlertRuleSpec> rule = watch.alert(hit.rule());
            if (rule.isEmpty()) {
                LOG.warn("Watch '{}' has no alert rule '{}'; hit {} left out", watch.id(), hit.rule(), hit.mentionId());
                continue;
            }
            AlertRuleSpec r = rule.get();
            if (!r.acceptsLanguage(hit.lang()) || !r.sentiment().accepts(hit.sentiment())) {
                LOG.debug(
                        "Hit {} of rule '{}' filtered out (lang {}, sentiment {})",
                        hit.mentionId(),
                        r.id(),
                        hit.lang(),
                        hit.sentiment());
                continue;
            }
            hitsPerRule.get(r.id()).add(hit.mentionId());
            DigestItem item = new DigestItem(
                    hit.mentionId(),
                    hit.title(),
                    hit.url(),
                    hit.source(),
                    hit.publishedAt(),
                    hit.lang(),
                    hit.sentiment(),
                    Snippets.snippet(hit.text(), hit.matchedTerms()),
                    hit.matchedTerms(),
                    hit.storySources(),
                    now,
                    hit.spike());
            for (String to : r.channels()) {
                entries.add(new Ledger.Entry(
                        Ledger.id(watch.id(), r.id(), hit.mentionId(), to),
                        watch.id(),
                        r.id(),
                        r.every(),
                        to,
                        Ledger.PENDING,
                        item));
            }
        }
        hitsPerRule.forEach((rule, ids) -> tallies.get(rule).hits = ids.size());
        int created = entries.isEmpty() ? 0 : ledger.addPending(entries);
        LOG.debug("Watch '{}': {} alert entries, {} new", watch.id(), entries.size(), created);

        List<Ledger.Entry> open = ledger.open(watch.id());
        if (retarget(watch, open, tallies, now)) {
            open = ledger.open(watch.id());
        }

        Map<String, List<Ledger.Entry>> orphans = new LinkedHashMap<>();
        Map<String, Map<String, List<Ledger.Entry>>> due = new LinkedHashMap<>();
        for (Ledger.Entry e : open) {
            Optional<AlertRuleSpec> known = watch.alert(e.rule());
            if (known.isEmpty()
                    || known.get().channels().stream().noneMatch(to -> to.equalsIgnoreCase(e.recipient()))) {
                continue; // moved by another dispatch while this one re-targeted
            }
            AlertRuleSpec rule = known.get();
            Tally tally = tallies.get(rule.id());
            if (e.status().equals(Ledger.SENDING)) {
                orphans.computeIfAbsent(e.digestId() == null ? e.id() : e.digestId(), k -> new ArrayList<>())
                        .add(e);
                continue;
            }
            tally.pending++;
            if (isDue(rule.every(), e.item().matchedAt(), now, watch.timezone())) {
                due.computeIfAbsent(e.rule(), k -> new LinkedHashMap<>())
                        .computeIfAbsent(e.recipient(), k -> new ArrayList<>())
                        .add(e);
            } else if (tally.pendingReason.isEmpty()) {
                tally.pendingReason = "next " + (rule.every() == Frequency.DAY ? "daily" : "weekly") + " digest";
            }
        }
        WebhookSender sender = webhooks != null
                        || watch.alerts().stream().allMatch(r -> r.webhooks().isEmpty())
                ? webhooks
                : WebhookSender.create();
        try {
            return send(watch, now, tallies, orphans, due, sender);
        } finally {
            if (sender != null && sender != webhooks) {
                sender.close();
            }
        }
    }

    private Result send(
            Watch watch,
            Instant now,
            Map<String, Tally> tallies,
            Map<String, List<Ledger.Entry>> orphans,
            Map<String, Map<String, List<Ledger.Entry>>> due,
            WebhookSender sender)
            throws IOException, InterruptedException {
        Mailer mailer = mailers.apply(watch.mail());
        List<Batch> batches = new ArrayList<>();
        for (Map.Entry<String, List<Ledger.Entry>> orphan : orphans.entrySet()) {
            List<Ledger.Entry> group = orphan.getValue();
            Ledger.Entry first = group.get(0);
            Instant since = group.stream()
                    .map(Ledger.Entry::sendingAt)
                    .filter(Objects::nonNull)
                    .max(Instant::compareTo)
                    .orElse(Instant.EPOCH);
            if (!since.plus(unknownOutcomeGrace).isAfter(now)) {
                LOG.warn(
                        "Digest {} of watch '{}' ({} hits for {}) was sent at {} with an unknown outcome; sending it "
                                + "again with the same Message-ID",
                        orphan.getKey(),
                        watch.id(),
                        group.size(),
                        first.recipient(),
                        since);
                batches.add(new Batch(
                        first.rule(),
                        channel(watch, first.rule(), first.recipient(), mailer, sender),
                        group,
                        Ledger.digestId(group),
                        true));
            } else {
                tallies.get(first.rule()).unknown += group.size();
            }
        }
        for (Map.Entry<String, Map<String, List<Ledger.Entry>>> perRule : due.entrySet()) {
            for (Map.Entry<String, List<Ledger.Entry>> perRecipient :
                    perRule.getValue().entrySet()) {
                Channel channel = channel(watch, perRule.getKey(), perRecipient.getKey(), mailer, sender);
                List<Ledger.Entry> all = perRecipient.getValue();
                // a channel with a size limit (Slack's 50 blocks) gets several digests, each with its own id; a
                // spike alert is one digest per spike
                int size = watch.alert(perRule.getKey())
                                .map(AlertRuleSpec::isSpike)
                                .orElse(false)
                        ? 1
                        : channel.maxHitsPerDigest();
                for (int from = 0; from < all.size(); from += size) {
                    List<Ledger.Entry> batch = all.subList(from, (int) Math.min(all.size(), (long) from + size));
                    batches.add(
                            new Batch(perRule.getKey(), channel, List.copyOf(batch), Ledger.digestId(batch), false));
                }
            }
        }

        String deliveryError = null;
        Map<String, String> failedEndpoints = new LinkedHashMap<>();
        for (Batch batch : batches) {
            AlertRuleSpec rule = watch.alert(batch.rule()).orElseThrow();
            Tally tally = tallies.get(rule.id());
            String down = failedEndpoints.get(batch.channel().endpoint());
            if (down != null) {
                // the digest before this one met the same server or folder: this one waits for the next run
                if (!batch.resend() && (tally.pendingReason.isEmpty() || tally.pendingReason.startsWith("next "))) {
                    tally.pendingReason = down;
                }
                continue;
            }
            Ledger.Moved claim = ledger.claim(batch.entries(), batch.digestId(), now);
            if (!claim.skipped().isEmpty()) {
                // another dispatch moved some of these hits in between: leave the whole digest to it
                LOG.warn(
                        "Digest {} of watch '{}': {} of its hits were moved by another dispatch; not sent by this one",
                        batch.digestId(),
                        watch.id(),
                        claim.skipped().size());
                ledger.release(claim.moved(), batch.digestId(), "claimed by another dispatch");
                continue;
            }
            List<Ledger.Entry> claimed = claim.moved();
            Digest digest = new Digest(
                    batch.digestId(),
                    watch,
                    rule,
                    claimed.stream().map(Ledger.Entry::item).toList());
            try {
                Delivery delivery = batch.channel().deliver(digest);
                ledger.markSent(claimed, batch.digestId(), delivery.messageId(), now);
                tally.digests++;
                tally.emailed += claimed.size();
                if (!batch.resend()) {
                    tally.pending -= claimed.size();
                }
            } catch (MailDeliveryException e) {
                if (deliveryError == null) {
                    deliveryError = e.getMessage();
                }
                boolean email = batch.channel() instanceof EmailChannel;
                String reason = email
                        ? e.kind().text()
                        : e.kind().text() + " (" + batch.channel().describe() + ")";
                if (e.permanent()) {
                    ledger.fail(claimed, batch.digestId(), e.getMessage(), now);
                    if (!batch.resend()) {
                        tally.pending -= claimed.size();
                    }
                    tally.failed += claimed.size();
                    tally.failedReason = e.getMessage();
                    LOG.warn(
                            "Digest {} of watch '{}' refused by {}: its {} hits are recorded as failed, not retried: "
                                    + "{}",
                            batch.digestId(),
                            watch.id(),
                            batch.channel().describe(),
                            claimed.size(),
                            e.getMessage());
                    // the other digests to this endpoint would be refused the same way
                    failedEndpoints.put(batch.channel().endpoint(), reason);
                    continue;
                }
                if (e.outcomeUnknown()) {
                    ledger.markUnknown(claimed, batch.digestId(), e.getMessage());
                    if (!batch.resend()) {
                        tally.pending -= claimed.size();
                    }
                    tally.unknown += claimed.size();
                    LOG.warn(
                            "Digest {} of watch '{}' has an unknown outcome; it is not sent again before {}: {}",
                            batch.digestId(),
                            watch.id(),
                            now.plus(unknownOutcomeGrace),
                            e.getMessage());
                } else {
                    ledger.release(claimed, batch.digestId(), e.kind().text() + ": " + e.getMessage());
                    if (batch.resend()) {
                        tally.pending += claimed.size();
                    }
                    tally.pendingReason = reason;
                    LOG.warn(
                            "Alert digests of watch '{}' to {} not sent, they stay pending for the next run: {}",
                            watch.id(),
                            batch.channel().describe(),
                            e.getMessage());
                }
                // the next digests to the same server or folder would meet the same fault: they wait for the next
                // run; those to other channels still go
                failedEndpoints.put(batch.channel().endpoint(), reason);
            }
        }

        List<RuleCounts> counts = new ArrayList<>();
        for (AlertRuleSpec rule : watch.alerts()) {
            Tally t = tallies.get(rule.id());
            counts.add(new RuleCounts(
                    rule.id(),
                    t.hits,
                    t.digests,
                    t.emailed,
                    t.pending,
                    t.dropped,
                    t.retargeted,
                    t.unknown,
                    t.pending > 0 ? t.pendingReason : "",
                    t.failed,
                    t.failedReason));
        }
        tallies.forEach((rule, t) -> {
            if (watch.alert(rule).isEmpty()) {
                counts.add(new RuleCounts(rule, 0, 0, 0, 0, t.dropped, 0, 0, ""));
            }
        });
        Result result = new Result(counts, mailer.destination(), Optional.ofNullable(deliveryError));
        LOG.info(
                "Alerts of watch '{}': {} hits, {} sent (mail: {}), {} pending, {} unknown, {} dropped, {} failed",
                watch.id(),
                counts.stream().mapToInt(RuleCounts::hits).sum(),
                result.emailed(),
                result.destination(),
                result.pending(),
                counts.stream().mapToInt(RuleCounts::unknown).sum(),
                counts.stream().mapToInt(RuleCounts::dropped).sum(),
                counts.stream().mapToInt(RuleCounts::failed).sum());
        return result;
    }

    /** The channel of a ledger recipient: a webhook of the rule, else an email address. */
    private static Channel channel(Watch watch, String rule, String recipient, Mailer mailer, WebhookSender sender) {
        Optional<Webhook> webhook = watch.alert(rule).flatMap(r -> r.webhook(recipient));
        if (webhook.isPresent()) {
            return new WebhookChannel(Objects.requireNonNull(sender, "webhook sender"), webhook.get());
        }
        return new EmailChannel(mailer, recipient);
    }

    /**
     * Re-targets the open hits of recipients no longer listed by their rule to the rule's current recipients, and
     * drops the hits of rules the watch no longer has; counts both in {@code tallies} (hits of a removed rule under a
     * tally of their own, reported with the rule's id). Returns whether the ledger changed.
     */
    private boolean retarget(Watch watch, List<Ledger.Entry> open, Map<String, Tally> tallies, Instant now)
            throws IOException, InterruptedException {
        List<Ledger.Entry> ruleGone = new ArrayList<>();
        Map<String, List<Ledger.Entry>> recipientGone = new LinkedHashMap<>();
        List<Ledger.Entry> replacements = new ArrayList<>();
        for (Ledger.Entry e : open) {
            Optional<AlertRuleSpec> rule = watch.alert(e.rule());
            if (rule.isEmpty()) {
                ruleGone.add(e);
                continue;
            }
            AlertRuleSpec r = rule.get();
            if (r.channels().stream().noneMatch(to -> to.equalsIgnoreCase(e.recipient()))) {
                String reason =
                        "recipient removed from rule " + r.id() + "; re-targeted to " + String.join(", ", r.channels());
                recipientGone.computeIfAbsent(reason, k -> new ArrayList<>()).add(e);
                for (String to : r.channels()) {
                    replacements.add(new Ledger.Entry(
                            Ledger.id(watch.id(), r.id(), e.item().mentionId(), to),
                            watch.id(),
                            r.id(),
                            r.every(),
                            to,
                            Ledger.PENDING,
                            e.item()));
                }
            }
        }
        if (ruleGone.isEmpty() && recipientGone.isEmpty()) {
            return false;
        }
        int created = replacements.isEmpty() ? 0 : ledger.addPending(replacements);
        for (Map.Entry<String, List<Ledger.Entry>> gone : recipientGone.entrySet()) {
            for (Ledger.Entry e :
                    ledger.drop(gone.getValue(), gone.getKey(), now).moved()) {
                tallies.get(e.rule()).dropped++;
            }
        }
        distribute(replacements, created, tallies);
        for (Ledger.Entry e :
                ledger.drop(ruleGone, "rule removed from the watch", now).moved()) {
            tallies.computeIfAbsent(e.rule(), k -> new Tally()).dropped++;
        }
        LOG.warn(
                "Watch '{}': {} pending alert hits re-targeted to the rules' current recipients ({} new entries), {} "
                        + "dropped because their rule was removed",
                watch.id(),
                recipientGone.values().stream().mapToInt(List::size).sum(),
                created,
                ruleGone.size());
        return true;
    }

    /** Counts the re-targeted hits per rule: the replacement entries that were new. */
    private static void distribute(List<Ledger.Entry> replacements, int created, Map<String, Tally> tallies) {
        if (created == replacements.size()) {
            replacements.forEach(e -> tallies.get(e.rule()).retargeted++);
        } else if (created > 0) {
            // some recipients already had the hit: attribute the new ones to the first rules (one rule in practice)
            int left = created;
            for (Ledger.Entry e : replacements) {
                if (left-- > 0) {
                    tallies.get(e.rule()).retargeted++;
                }
            }
        }
    }

    /** Whether a hit matched at {@code matchedAt} goes out in a dispatch at {@code now}. */
    static boolean isDue(Frequency every, Instant matchedAt, Instant now, ZoneId zone) {
        LocalDate today = LocalDate.ofInstant(now, zone);
        return switch (every) {
            case RUN -> true;
            case DAY -> matchedAt.isBefore(today.atStartOfDay(zone).toInstant());
            case WEEK ->
                matchedAt.isBefore(today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                        .atStartOfDay(zone)
                        .toInstant());
        };
    }
}
