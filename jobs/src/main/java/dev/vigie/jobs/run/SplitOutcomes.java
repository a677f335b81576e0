package dev.vigie.jobs.run;

import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Splits what a source gave into its new mentions (main output), its page changes and its report (side outputs).
 */
final class SplitOutcomes extends ProcessFunction<SourceOutcome, Collected> {

    static final OutputTag<SourceReport> REPORTS = new OutputTag<>("reports", RunTypes.SOURCE_REPORT);
    static final OutputTag<PageChangeDocument> PAGE_CHANGES = new OutputTag<>("page-changes", RunTypes.PAGE_CHANGE);

    @Override
    public void processElement(SourceOutcome outcome, Context context, Collector<Collected> out) {
        outcome.mentions().forEach(out::collect);
        outcome.pageChanges().forEach(change -> context.output(PAGE_CHANGES, change));
        context.output(REPORTS, outcome.report());
    }
}
