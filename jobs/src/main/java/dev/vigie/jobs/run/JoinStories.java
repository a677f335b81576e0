package dev.vigie.jobs.run;

import dev.vigie.jobs.run.internal.SerializableTypeInfo;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Puts each mention's {@link StoryAssignment} on it. Keyed by document id on both inputs, so mentions stay spread
 * over every subtask (alert matching and indexing after it too); in BATCH mode the timer fires once both inputs of
 * the key are read. A mention without an assignment (too short to be compared) starts its own story.
 */
final class JoinStories extends KeyedCoProcessFunction<String, EnrichedMention, StoryAssignment, EnrichedMention> {

    private transient ValueState<EnrichedMention> mention;
    private transient ValueState<StoryAssignment> assignment;

    @Override
    public void open(OpenContext context) {
        mention = getRuntimeContext().getState(
                new ValueStateDescriptor<>("mention", SerializableTypeInfo.forClass(EnrichedMention.class)));
        assignment = getRuntimeContext().getState(
                new ValueStateDescriptor<>("assignment", SerializableTypeInfo.forClass(StoryAssignment.class)));
    }

    @Override
    public void processElement1(EnrichedMention value, Context context, Collector<EnrichedMention> out)
            throws Exception {
        mention.update(value);
        context.timerService().registerEventTimeTimer(Long.MAX_VALUE);
    }

    @Override
    public void processElement2(StoryAssignment value, Context context, Collector<EnrichedMention> out)
            throws Exception {
        assignment.update(value);
        context.timerService().registerEventTimeTimer(Long.MAX_VALUE);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext context, Collector<EnrichedMention> out) throws Exception {
        EnrichedMention m = mention.value();
        if (m == null) {
            throw new IllegalStateException("story assignment without its mention: " + assignment.value());
        }
        StoryAssignment a = assignment.value();
        out.collect(a == null ? m.withStory(m.documentId(), null, 1)
                : m.withStory(a.storyId(), a.duplicateOf(), a.storySources()));
        mention.clear();
        assignment.clear();
    }
}
