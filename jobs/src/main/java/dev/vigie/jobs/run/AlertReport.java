package dev.vigie.jobs.run;

/**
 * What one alert rule did in a run.
 *
 * @param watch   the watch
 * @param rule    the rule id
 * @param hits    mentions of this run that matched it
 * @param emailed hits emailed (now, or earlier hits that were pending)
 * @param pending hits waiting for the digest of their rule ({@code every: day|week}) or for SMTP to come back
 */
public record AlertReport(String watch, String rule, long hits, long emailed, long pending) {
}
