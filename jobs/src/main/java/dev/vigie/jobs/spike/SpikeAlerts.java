package dev.vigie.jobs.spike;

import dev.vigie.jobs.mail.AlertHit;
import dev.vigie.jobs.mail.internal.SpikeRenderer;
import dev.vigie.jobs.watch.AlertRuleSpec;
import dev.vigie.jobs.watch.SpikeKind;
import dev.vigie.jobs.watch.SpikeSpec;
import dev.vigie.jobs.watch.Watch;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the spikes of a watch's spike alerts at the end of a run, once the run's mentions are indexed, and turns each
 * into an {@link AlertHit} for the {@link dev.vigie.jobs.mail.AlertDispatcher}: the same ledger, the same channels and
 * the same never-twice rules as keyword hits. The hit's {@code mentionId} is the spike's id
 * ({@code spike-<kind>-<start hour>}): the next run during the same spike makes the same hit, which the ledger
 * already holds, so nothing is sent again.
 */
public final class SpikeAlerts {
    private static final Logger LOG = LoggerFactory.getLogger(SpikeAlerts.class);

    private final SpikeQuery query;

    public SpikeAlerts(SpikeQuery query) {
        this.query = Objects.requireNonNull(query, "query");
    }

    /** The spikes under way at {@code now} for the spike alerts of {@code watch}, as alert hits (none without). */
    public List<AlertHit> find(Watch watch, Instant now) throws IOException, InterruptedException {
        List<AlertRuleSpec> rules =
                watch.alerts().stream().filter(AlertRuleSpec::isSpike).toList();
        List<AlertHit> hits = new ArrayList<>();
        if (rules.isEmpty()) {
            return hits;
        }
        query.refresh();
        Instant historyStart = query.historyStart(watch.id());
        Instant to = now.truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.HOURS);
        String brand = watch.brand().name();
        for (AlertRuleSpec rule : rules) {
            SpikeSpec spec = rule.spike();
            Instant from = SpikeDetector.countsFrom(spec, now, watch.timezone());
            Map<SpikeKind, HourlyCounts> counts = query.hourly(watch.id(), brand, from, to);
            for (SpikeKind kind : spec.on()) {
                List<Instant> alerted = query.alertedStarts(
                        watch.id(), rule.id(), kind, now.minus(SpikeDetector.LOOKBACK_HOURS + 24L, ChronoUnit.HOURS));
                Optional<SpikeDetector.Spike> found = SpikeDetector.detect(
                        kind, spec, counts.get(kind), historyStart, now, watch.timezone(), alerted);
                if (found.isEmpty()) {
                    SpikeDetector.Level level =
                            SpikeDetector.level(spec, counts.get(kind), historyStart, now, watch.timezone());
                    LOG.info(
                            "Watch '{}', spike alert '{}': no {} spike ({} mentions in the last {} h, usual level {})",
                            watch.id(),
                            rule.id(),
                            kind.code(),
                            level.count(),
                            spec.windowHours(),
                            level.known() ? String.format("%.1f", level.baseline()) : "unknown: history too short");
                    continue;
                }
                SpikeDetector.Spike spike = found.get();
                Instant causesFrom = spike.start().minus(spec.windowHours() - 1L, ChronoUnit.HOURS);
                SpikeReport report = query.causes(
                        watch.id(),
                        brand,
                        spike,
                        spec.factor(),
                        causesFrom.isBefore(spike.windowStart()) ? causesFrom : spike.windowStart(),
                        to,
                        watch.language().code());
                LOG.info(
                        "Watch '{}', spike alert '{}': {} spike {} ({} mentions against {} usually)",
                        watch.id(),
                        rule.id(),
                        kind.code(),
                        spike.id(),
                        spike.count(),
                        String.format("%.1f", spike.baseline()));
                String url = report.stories().isEmpty()
                        ? (report.samples().isEmpty()
                                ? ""
                                : report.samples().get(0).url())
                        : report.stories().get(0).url();
                hits.add(new AlertHit(
                        watch.id(),
                        rule.id(),
                        spike.id(),
                        SpikeRenderer.headline(watch.language(), brand, report),
                        url,
                        "",
                        spike.start(),
                        watch.language().code(),
                        kind == SpikeKind.NEGATIVE ? "negative" : "",
                        SpikeRenderer.summary(watch.language(), report),
                        List.of(),
                        1,
                        report));
            }
        }
        return hits;
    }
}
