/**
 * Spike alerts: at the end of a run, the brand's mentions of the last hours (all, or the negative ones) against the
 * usual level of those hours of the week, and one alert per spike saying what caused it.
 *
 * <p>{@link dev.vigie.jobs.spike.SpikeDetector} is the arithmetic (hour-of-week baseline, fallback, spike identity),
 * pure and tested alone; {@link dev.vigie.jobs.spike.SpikeQuery} reads the counts and the causes from Elasticsearch;
 * {@link dev.vigie.jobs.spike.SpikeAlerts} turns each spike into an alert hit that the
 * {@link dev.vigie.jobs.mail.AlertDispatcher} sends like a keyword digest (same ledger, same channels).
 *
 * <pre>{@code
 * List<AlertHit> spikes = new SpikeAlerts(new SpikeQuery(es, Ledger.Calls.DIRECT)).find(watch, Instant.now());
 * dispatcher.dispatch(watch, spikes, Instant.now());
 * }</pre>
 */
package dev.vigie.jobs.spike;
