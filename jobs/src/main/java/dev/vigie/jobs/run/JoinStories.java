package dev.vigie.jobs.run;

import java.util.List;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.co.BroadcastProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Puts each mention's {@link StoryAssignment} on it. The assignments are broadcast: in BATCH mode Flink reads a
 * broadcast input entirely before the regular one, so every subtask knows every story when the mentions arrive, and
 * the mentions stay where enrichment left them, spread over every subtask (no shuffle or sort of whole mentions; alert
 * matching and indexing after it stay parallel). The price is a copy of the run's assignments (a few ids per mention)
 * in each subtask. A mention without an assignment (alone in its story and its event) starts its own story and event.
 * Each mention also gets its event keys here, where it is, rather than carried in the broadcast.
 */
final class JoinStories extends BroadcastProcessFunction<EnrichedMention, StoryAssignment, EnrichedMention> {

    private final EventKeys eventKeys;

    /** @param eventKeys makes the event keys stored with each mention (so later runs find its event) */
    JoinStories(EventKeys eventKeys) {
        this.eventKeys = eventKeys;
    }

    /** The run's assignments by document id, in every subtask. */
    static final MapStateDescriptor<String, StoryAssignment> ASSIGNMENTS =
            new MapStateDescriptor<>("story-assignments", Types.STRING, TypeInformation.of(StoryAssignment.class));

    @Override
    public void processBroadcastElement(StoryAssignment assignment, Context context, Collector<EnrichedMention> out)
            throws Exception {
        context.getBroadcastState(ASSIGNMENTS).put(assignment.documentId(), assignment);
    }

    @Override
    public void processElement(EnrichedMention mention, ReadOnlyContext context, Collector<EnrichedMention> out)
            throws Exception {
        StoryAssignment a = context.getBroadcastState(ASSIGNMENTS).get(mention.documentId());
        List<String> keys = eventKeys.of(mention);
        out.collect(
                a == null
                        ? mention.withStory(mention.documentId(), null, 1, mention.documentId(), keys)
                        : mention.withStory(a.storyId(), a.duplicateOf(), a.storySources(), a.eventId(), keys));
    }
}
