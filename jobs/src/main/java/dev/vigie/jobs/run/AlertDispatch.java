package dev.vigie.jobs.run;

import dev.vigie.jobs.mail.AlertDispatcher;
import dev.vigie.jobs.mail.AlertHit;
import dev.vigie.jobs.mail.Mailer;
import dev.vigie.jobs.mail.WebhookSender;
import dev.vigie.jobs.mail.internal.Ledger;
import dev.vigie.jobs.run.internal.Backoff;
import dev.vigie.jobs.run.internal.ElasticsearchCalls;
import dev.vigie.jobs.sink.ElasticsearchEndpoint;
import dev.vigie.jobs.spike.SpikeAlerts;
import dev.vigie.jobs.spike.SpikeQuery;
import dev.vigie.jobs.watch.Watch;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands the alert hits of a run to the {@link AlertDispatcher}, watch by watch, once everything is indexed, with the
 * spikes of the watch's spike alerts ({@link SpikeAlerts}), found now that the run's mentions are counted.
 */
final class AlertDispatch {

    private static final Logger LOG = LoggerFactory.getLogger(AlertDispatch.class);

    private AlertDispatch() {}

    static List<AlertReport> dispatch(
            RunOptions options, ElasticsearchEndpoint.Clients clients, ElasticsearchCalls calls, List<AlertHit> hits)
            throws IOException {
        List<AlertReport> reports = new ArrayList<>();
        if (!options.dispatchAlerts()) {
            return reports;
        }
        Ledger.Calls ledgerCalls = new Ledger.Calls() {
            @Override
            public <T> T call(String step, Backoff.Call<T> call) throws IOException, InterruptedException {
                return calls.call(step, call);
            }
        };
        // an endpoint that is down or busy is retried for the run's patience, at most WebhookSender's default
        Duration patience = options.elasticsearchPatience().compareTo(WebhookSender.DEFAULT_PATIENCE) < 0
                ? options.elasticsearchPatience()
                : WebhookSender.DEFAULT_PATIENCE;
        try (WebhookSender webhooks = WebhookSender.builder().patience(patience).build()) {
            return dispatch(options, clients, ledgerCalls, webhooks, hits, reports);
        }
    }

    private static List<AlertReport> dispatch(
            RunOptions options,
            ElasticsearchEndpoint.Clients clients,
            Ledger.Calls ledgerCalls,
            WebhookSender webhooks,
            List<AlertHit> hits,
            List<AlertReport> reports)
            throws IOException {
        AlertDispatcher dispatcher = new AlertDispatcher(
                clients.sync(), Mailer::create, webhooks, ledgerCalls, AlertDispatcher.DEFAULT_UNKNOWN_OUTCOME_GRACE);
        SpikeAlerts spikes = new SpikeAlerts(new SpikeQuery(clients.sync(), ledgerCalls));
        Instant now = Instant.now();
        for (Watch watch : options.watches()) {
            if (watch.alerts().isEmpty()) {
                continue;
            }
            List<AlertHit> mine = new ArrayList<>(
                    hits.stream().filter(h -> h.watch().equals(watch.id())).toList());
            try {
                mine.addAll(spikes.find(watch, now));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("spike detection of watch " + watch.id() + " interrupted");
            }
            AlertDispatcher.Result result = dispatcher.dispatch(watch, mine, now);
            result.deliveryError()
                    .ifPresent(error -> LOG.warn(
                            "Alerts of watch {} could not all be sent ({}); they stay pending for the next run",
                            watch.id(),
                            error));
            for (AlertDispatcher.RuleCounts counts : result.rules()) {
                reports.add(new AlertReport(
                        watch.id(),
                        counts.rule(),
                        counts.hits(),
                        counts.emailed(),
                        counts.pending(),
                        counts.dropped(),
                        counts.retargeted(),
                        counts.unknown(),
                        counts.pendingReason(),
                        result.destination(),
                        counts.failed(),
                        counts.failedReason()));
            }
        }
        return reports;
    }
}
