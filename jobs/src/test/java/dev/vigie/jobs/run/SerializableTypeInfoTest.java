package dev.vigie.jobs.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigie.jobs.run.internal.SerializableTypeInfo;
import dev.vigie.jobs.state.SourceState;
import java.net.URI;
import java.util.List;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

class SerializableTypeInfoTest {

    @Test
    void carriesRecordsWithImmutableListsUrisAndSealedSpecsThroughFlinkSerialization() throws Exception {
        SourceTask task = new SourceTask(new SourceRef("acme", "reddit", "acme in r/marketing", "https://r.example"),
                new SourceSpec.Reddit(URI.create("https://r.example"), "acme", "marketing"),
                SourceState.EMPTY.withSeen(List.of("reddit:t3_1", "reddit:t3_2")).withCursor("t3_2"));
        TypeSerializer<SourceTask> serializer = SerializableTypeInfo.forClass(SourceTask.class)
                .createSerializer(new SerializerConfigImpl());
        DataOutputSerializer out = new DataOutputSerializer(256);
        serializer.serialize(task, out);
        serializer.serialize(task, out);

        DataInputDeserializer in = new DataInputDeserializer(out.getCopyOfBuffer());
        assertThat(serializer.deserialize(in)).isEqualTo(task);
        assertThat(serializer.deserialize(in)).isEqualTo(task);
    }
}
