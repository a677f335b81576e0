package dev.vigie.jobs.run;

import dev.vigie.jobs.run.internal.SerializableTypeInfo;
import dev.vigie.nlp.dedup.StoryClusterer;
import dev.vigie.nlp.dedup.StorySigner;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives every mention of a watch its story id: syndicated copies and near-duplicates share the id of the earliest
 * copy ({@link StoryClusterer}: LSH band keys, then a similarity check). Keyed by watch; in BATCH mode the timer fires
 * once all mentions of the watch have arrived.
 */
final class AssignStories extends KeyedProcessFunction<String, EnrichedMention, EnrichedMention> {

    private static final Logger LOG = LoggerFactory.getLogger(AssignStories.class);

    private transient ListState<EnrichedMention> pending;
    private transient StorySigner signer;

    @Override
    public void open(OpenContext context) {
        pending = getRuntimeContext().getListState(
                new ListStateDescriptor<>("pending", SerializableTypeInfo.forClass(EnrichedMention.class)));
        signer = StorySigner.create();
    }

    @Override
    public void processElement(EnrichedMention mention, Context context, Collector<EnrichedMention> out)
            throws Exception {
        pending.add(mention);
        context.timerService().registerEventTimeTimer(Long.MAX_VALUE);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext context, Collector<EnrichedMention> out) throws Exception {
        Map<String, EnrichedMention> byId = new HashMap<>();
        List<StoryClusterer.Item> items = new ArrayList<>();
        for (EnrichedMention mention : pending.get()) {
            byId.put(mention.documentId(), mention);
            if (mention.signature() != null) {
                items.add(new StoryClusterer.Item(mention.documentId(),
                        mention.mention().publishedAt().toEpochMilli(), mention.signature()));
            }
        }
        List<StoryClusterer.Assignment> assignments = new StoryClusterer(signer).assign(items);
        Map<String, Set<String>> sourcesByStory = new HashMap<>();
        for (StoryClusterer.Assignment assignment : assignments) {
            sourcesByStory.computeIfAbsent(assignment.storyId(), s -> new HashSet<>())
                    .add(byId.get(assignment.id()).mention().source().name());
        }
        int duplicates = 0;
        for (StoryClusterer.Assignment assignment : assignments) {
            EnrichedMention mention = byId.remove(assignment.id());
            if (assignment.duplicateOf() != null) {
                duplicates++;
            }
            out.collect(mention.withStory(assignment.storyId(), assignment.duplicateOf(),
                    sourcesByStory.get(assignment.storyId()).size()));
        }
        for (EnrichedMention alone : byId.values()) {
            out.collect(alone.withStory(alone.documentId(), null, 1));
        }
        LOG.info("Stories of watch {}: {} mentions, {} joined an earlier copy", context.getCurrentKey(),
                items.size() + byId.size(), duplicates);
        pending.clear();
    }
}
