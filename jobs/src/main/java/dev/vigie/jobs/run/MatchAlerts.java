package dev.vigie.jobs.run;

import dev.vigie.jobs.mail.AlertHit;
import dev.vigie.jobs.watch.AlertRuleSpec;
import dev.vigie.jobs.watch.SentimentFilter;
import dev.vigie.jobs.watch.Watch;
import dev.vigie.nlp.alert.AlertDocument;
import dev.vigie.nlp.alert.AlertMatch;
import dev.vigie.nlp.alert.AlertMatcher;
import dev.vigie.nlp.alert.AlertResult;
import dev.vigie.nlp.alert.AlertRule;
import dev.vigie.nlp.alert.RuleError;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Matches each mention against the alert rules of its watch (Lucene Monitor, built in {@code open()}), sets its
 * {@code alerts} and sends one {@link AlertHit} per matched rule to the {@link #HITS} side output.
 */
final class MatchAlerts extends ProcessFunction<EnrichedMention, EnrichedMention> {

    static final OutputTag<AlertHit> HITS = new OutputTag<>("alert-hits", RunTypes.ALERT_HIT);
    private static final String UNKNOWN_LANGUAGE = "unknown";

    private static final Logger LOG = LoggerFactory.getLogger(MatchAlerts.class);

    private final List<AlertRule> rules;
    private transient AlertMatcher matcher;
    private transient EnrichmentFailures failures;

    MatchAlerts(List<Watch> watches) {
        this.rules = rules(watches);
    }

    /** The rules of the watches, in the form of the alert matcher. */
    static List<AlertRule> rules(List<Watch> watches) {
        List<AlertRule> rules = new ArrayList<>();
        for (Watch watch : watches) {
            for (AlertRuleSpec rule : watch.alerts()) {
                if (rule.isSpike()) {
                    continue; // no query: spikes are found at the end of the run (SpikeAlerts)
                }
                Set<String> sentiments = rule.sentiment() == SentimentFilter.ANY
                        ? Set.of()
                        : Set.of(rule.sentiment().code());
                rules.add(new AlertRule(
                        watch.id(), rule.id(), rule.query(), new LinkedHashSet<>(rule.languages()), sentiments));
            }
        }
        return List.copyOf(rules);
    }

    @Override
    public void open(OpenContext context) {
        matcher = AlertMatcher.open(rules);
        failures = new EnrichmentFailures();
        if (context != null) {
            getRuntimeContext().addAccumulator(EnrichmentFailures.ALERTS_NAME, failures);
        }
        for (RuleError error : matcher.rejectedRules()) {
            LOG.warn("Alert rule refused: {}", error);
        }
    }

    @Override
    public void processElement(EnrichedMention mention, Context context, Collector<EnrichedMention> out) {
        var m = mention.mention();
        AlertDocument document = AlertDocument.builder(mention.watch(), mention.documentId())
                .title(m.title())
                .text(m.text())
                .author(author(m.author().name(), m.author().handle()))
                .url(m.url())
                .language(mention.lang())
                .sentiment(mention.sentimentLabel())
                .build();
        AlertResult result;
        try {
            result = matcher.match(document);
        } catch (RuntimeException e) {
            // one bad item (a 40,000-character word exceeds Lucene's term size) never fails the run
            failures.add(EnrichmentFailures.key(mention.watch(), mention.sourceKey()));
            LOG.warn("Alert matching failed on {} (indexed without alerts): {}", mention.documentId(), e.toString());
            out.collect(mention);
            return;
        }
        for (RuleError error : result.errors()) {
            LOG.warn("Alert rule failed on {}: {}", mention.documentId(), error);
        }
        List<String> ids = new ArrayList<>();
        for (AlertMatch match : result.matches()) {
            ids.add(match.ruleId());
            LOG.debug("{} matches alert {}/{}", mention.documentId(), match.watch(), match.ruleId());
        }
        EnrichedMention withAlerts = mention.withAlerts(ids);
        for (AlertMatch match : result.matches()) {
            context.output(
                    HITS,
                    new AlertHit(
                            mention.watch(),
                            match.ruleId(),
                            mention.documentId(),
                            m.title(),
                            m.url(),
                            m.source().name(),
                            m.publishedEstimated() ? null : m.publishedAt(),
                            UNKNOWN_LANGUAGE.equals(mention.lang()) ? "" : mention.lang(),
                            mention.sentimentLabel(),
                            m.text(),
                            match.matchedTerms(),
                            mention.storySources()));
        }
        out.collect(withAlerts);
    }

    private static String author(String name, String handle) {
        if (name == null) {
            return handle;
        }
        return handle == null ? name : name + " " + handle;
    }

    @Override
    public void close() {
        if (matcher != null) {
            matcher.close();
        }
    }
}
