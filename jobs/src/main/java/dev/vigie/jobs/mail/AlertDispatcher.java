package dev.vigie.jobs.mail;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import dev.vigie.jobs.mail.internal.DigestItem;
import dev.vigie.jobs.mail.internal.DigestRenderer;
import dev.vigie.jobs.mail.internal.Ledger;
import dev.vigie.jobs.mail.internal.Snippets;
import dev.vigie.jobs.watch.AlertRule;
import dev.vigie.jobs.watch.Frequency;
import dev.vigie.jobs.watch.MailSettings;
import dev.vigie.jobs.watch.Watch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Emails a watch's alert hits as digests, exactly once per (rule, mention, recipient).
 *
 * <p>{@link #dispatch} first records every new hit as {@code pending} in {@code vigie-alerts} (a hit already there,
 * pending or sent, stays as it is: reruns and overlapping runs add nothing), then sends, per rule and recipient, the
 * pending hits that are due, and marks them {@code sent} once the email was handed over. {@code every: run} sends at
 * each dispatch; {@code every: day} sends the hits matched before today (in the watch's time zone) at the first
 * dispatch of the day; {@code every: week} the hits matched before this week's Monday. When the SMTP server is down,
 * the hits stay pending and the next dispatch sends them. A crash between the hand-over and the marking can send a
 * digest twice; nothing is ever lost.
 */
public final class AlertDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(AlertDispatcher.class);

    private final Ledger ledger;
    private final Function<MailSettings, Mailer> mailers;

    /** A dispatcher writing its ledger with {@code es} and sending with {@link Mailer#create(MailSettings)}. */
    public AlertDispatcher(ElasticsearchClient es) {
        this(es, Mailer::create);
    }

    /** A dispatcher with its own way to make mailers (e.g. a short SMTP timeout). */
    public AlertDispatcher(ElasticsearchClient es, Function<MailSettings, Mailer> mailers) {
        this.ledger = new Ledger(Objects.requireNonNull(es, "es"));
        this.mailers = Objects.requireNonNull(mailers, "mailers");
    }

    /** What happened to one rule's alerts in one dispatch. */
    public record RuleCounts(String rule, int hits, int digestsSent, int emailed, int pending) {
    }

    /**
     * The outcome of a dispatch.
     *
     * @param rules         one entry per alert rule of the watch, in the watch's order
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
        Map<String, Set<String>> hitsPerRule = new LinkedHashMap<>();
        watch.alerts().forEach(r -> hitsPerRule.put(r.id(), new LinkedHashSet<>()));
        List<Ledger.Entry> entries = new ArrayList<>();
        for (AlertHit hit : hits) {
            if (!hit.watch().equals(watch.id())) {
                throw new IllegalArgumentException("hit " + hit.mentionId() + " of watch '" + hit.watch()
                        + "' given to the dispatch of watch '" + watch.id() + "'");
            }
            Optional<AlertRule> rule = watch.alert(hit.rule());
            if (rule.isEmpty()) {
                LOG.warn("Watch '{}' has no alert rule '{}'; hit {} left out", watch.id(), hit.rule(), hit.mentionId());
                continue;
            }
            AlertRule r = rule.get();
            if (!r.acceptsLanguage(hit.lang()) || !r.sentiment().accepts(hit.sentiment())) {
                LOG.debug("Hit {} of rule '{}' filtered out (lang {}, sentiment {})", hit.mentionId(), r.id(),
                        hit.lang(), hit.sentiment());
                continue;
            }
            hitsPerRule.get(r.id()).add(hit.mentionId());
            DigestItem item = new DigestItem(hit.mentionId(), hit.title(), hit.url(), hit.source(), hit.publishedAt(),
                    hit.lang(), hit.sentiment(), Snippets.snippet(hit.text(), hit.matchedTerms()), hit.matchedTerms(),
                    hit.storySources(), now);
            for (String to : r.to()) {
                entries.add(new Ledger.Entry(Ledger.id(watch.id(), r.id(), hit.mentionId(), to), watch.id(), r.id(),
                        r.every(), to, Ledger.PENDING, item));
            }
        }
        int created = entries.isEmpty() ? 0 : ledger.addPending(entries);
        LOG.debug("Watch '{}': {} alert entries, {} new", watch.id(), entries.size(), created);

        Map<String, Map<String, List<Ledger.Entry>>> due = new LinkedHashMap<>();
        Map<String, Integer> pendingPerRule = new HashMap<>();
        for (Ledger.Entry e : ledger.pending(watch.id())) {
            Optional<AlertRule> rule = watch.alert(e.rule());
            if (rule.isEmpty() || !rule.get().to().contains(e.recipient())) {
                continue;   // the rule or the recipient left the watch: nothing to send to them any more
            }
            pendingPerRule.merge(e.rule(), 1, Integer::sum);
            if (isDue(rule.get().every(), e.item().matchedAt(), now, watch.timezone())) {
                due.computeIfAbsent(e.rule(), k -> new LinkedHashMap<>())
                        .computeIfAbsent(e.recipient(), k -> new ArrayList<>()).add(e);
            }
        }

        Mailer mailer = mailers.apply(watch.mail());
        Map<String, int[]> sent = new HashMap<>();   // rule -> {digests, items}
        String deliveryError = null;
        outer:
        for (Map.Entry<String, Map<String, List<Ledger.Entry>>> perRule : due.entrySet()) {
            AlertRule rule = watch.alert(perRule.getKey()).orElseThrow();
            for (Map.Entry<String, List<Ledger.Entry>> perRecipient : perRule.getValue().entrySet()) {
                List<Ledger.Entry> batch = perRecipient.getValue();
                DigestRenderer.Rendered digest = DigestRenderer.render(watch.language(), watch.timezone(), watch.id(),
                        watch.brand().name(), rule, batch.stream().map(Ledger.Entry::item).toList());
                try {
                    mailer.send(MailMessage.builder().to(perRecipient.getKey()).subject(digest.subject())
                            .text(digest.text()).html(digest.html()).build());
                } catch (MailDeliveryException e) {
                    deliveryError = e.getMessage();
                    LOG.warn("Alert digests of watch '{}' not sent, they stay pending for the next run: {}",
                            watch.id(), e.getMessage());
                    break outer;
                }
                ledger.markSent(batch, now);
                int[] counts = sent.computeIfAbsent(rule.id(), k -> new int[2]);
                counts[0]++;
                counts[1] += batch.size();
            }
        }

        List<RuleCounts> counts = new ArrayList<>();
        for (AlertRule rule : watch.alerts()) {
            int[] s = sent.getOrDefault(rule.id(), new int[2]);
            counts.add(new RuleCounts(rule.id(), hitsPerRule.get(rule.id()).size(), s[0], s[1],
                    pendingPerRule.getOrDefault(rule.id(), 0) - s[1]));
        }
        Result result = new Result(counts, mailer.destination(), Optional.ofNullable(deliveryError));
        LOG.info("Alerts of watch '{}': {} hits, {} emailed to {}, {} pending", watch.id(),
                counts.stream().mapToInt(RuleCounts::hits).sum(), result.emailed(), result.destination(),
                result.pending());
        return result;
    }

    /** Whether a hit matched at {@code matchedAt} goes out in a dispatch at {@code now}. */
    static boolean isDue(Frequency every, Instant matchedAt, Instant now, ZoneId zone) {
        LocalDate today = LocalDate.ofInstant(now, zone);
        return switch (every) {
            case RUN -> true;
            case DAY -> matchedAt.isBefore(today.atStartOfDay(zone).toInstant());
            case WEEK -> matchedAt.isBefore(today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                    .atStartOfDay(zone).toInstant());
        };
    }
}
