package dev.vigie.jobs.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigie.nlp.dedup.StorySigner;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

/** The story stage's records travel with Flink's own record serializer, not Java serialization or Kryo. */
class StoryTypesTest {

    @Test
    void storyItemsAndAssignmentsAreFlinkRecordsThatRoundTrip() throws Exception {
        byte[] signature = StorySigner.create()
                .sign("Acme suffered a major outage on Monday morning, customers" + " said.")
                .toBytes();
        StoryItem item = new StoryItem(
                "acme", "acme:url:1", 1_000L, "Tech Courier", signature, "en", "Acme outage", new String[] {
                    "e:acme", "w:en:outag"
                });
        StoryItem itemBack = roundTrip(item, StoryItem.class);
        assertThat(itemBack.documentId()).isEqualTo("acme:url:1");
        assertThat(itemBack.publishedAtMillis()).isEqualTo(1_000L);
        assertThat(itemBack.signature()).isEqualTo(signature);
        assertThat(itemBack.lang()).isEqualTo("en");
        assertThat(itemBack.title()).isEqualTo("Acme outage");
        assertThat(itemBack.eventKeys()).containsExactly("e:acme", "w:en:outag");

        StoryAssignment copy = new StoryAssignment("acme:url:2", "acme:url:1", "acme:url:1", 2, "acme:url:0");
        StoryAssignment alone = new StoryAssignment("acme:url:3", "acme:url:3", null, 1, "acme:url:3");
        assertThat(roundTrip(copy, StoryAssignment.class)).isEqualTo(copy);
        assertThat(roundTrip(alone, StoryAssignment.class)).isEqualTo(alone);
    }

    @Test
    void aStoryHasAtLeastOneSource() {
        assertThatThrownBy(() -> new StoryAssignment("acme:url:1", "acme:url:1", null, 0, "acme:url:1"))
                .hasMessageContaining("acme:url:1");
    }

    private static <T> T roundTrip(T value, Class<T> type) throws Exception {
        TypeInformation<T> info = TypeInformation.of(type);
        assertThat(info).as(type.getSimpleName()).isInstanceOf(PojoTypeInfo.class);
        TypeSerializer<T> serializer = info.createSerializer(new SerializerConfigImpl());
        DataOutputSerializer out = new DataOutputSerializer(256);
        serializer.serialize(value, out);
        return serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
    }
}
