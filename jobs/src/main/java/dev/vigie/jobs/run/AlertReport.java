package dev.vigie.jobs.run;

/**
 * What one alert rule did in a run.
 *
 * @param watch         the watch
 * @param rule          the rule id
 * @param hits          mentions of this run that matched it
 * @param emailed       hits sent, by email or webhook (now, or earlier hits that were pending)
 * @param pending       hits waiting for the digest of their rule ({@code every: day|week}) or for delivery to work
 * @param dropped       hits not sent to their recipient because the rule or the recipient left the watch
 * @param retargeted    hits made pending for the rule's current recipients instead
 * @param unknown       hits whose digest was sent without acknowledgement: not sent again before a day has passed
 * @param pendingReason why hits are pending ("SMTP server unreachable", "outbox full", "next daily digest"), or empty
 * @param destination   the SMTP server or outbox folder of the watch
 * @param failed        hits a webhook refused for good (4xx): recorded {@code failed}, not retried
 * @param failedReason  what it answered (the webhook's URL masked), or empty
 */
public record AlertReport(
        String watch,
        String rule,
        long hits,
        long emailed,
        long pending,
        long dropped,
        long retargeted,
        long unknown,
        String pendingReason,
        String destination,
        long failed,
        String failedReason) {

    public AlertReport {
        pendingReason = pendingReason == null ? "" : pendingReason;
        destination = destination == null ? "" : destination;
        failedReason = failedReason == null ? "" : failedReason;
    }

    /** A report with nothing failed. */
    public AlertReport(
            String watch,
            String rule,
            long hits,
            long emailed,
            long pending,
            long dropped,
            long retargeted,
            long unknown,
            String pendingReason,
            String destination) {
        this(watch, rule, hits, emailed, pending, dropped, retargeted, unknown, pendingReason, destination, 0, "");
    }

    /** A report with nothing dropped, re-targeted or unknown. */
    public AlertReport(String watch, String rule, long hits, long emailed, long pending) {
        this(watch, rule, hits, emailed, pending, 0, 0, 0, "", "");
    }
}
