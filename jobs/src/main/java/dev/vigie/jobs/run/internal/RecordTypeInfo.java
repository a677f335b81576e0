package dev.vigie.jobs.run.internal;

import java.util.Objects;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/**
 * Flink type information for an immutable record that has a serializer written for it ({@link RecordSerializer}):
 * Flink uses that serializer, never Kryo or Java serialization.
 *
 * @param <T> the record type
 */
public final class RecordTypeInfo<T> extends TypeInformation<T> {

    private final Class<T> type;
    private final RecordSerializer<T> serializer;

    private RecordTypeInfo(Class<T> type, RecordSerializer<T> serializer) {
        this.type = Objects.requireNonNull(type, "type");
        this.serializer = Objects.requireNonNull(serializer, "serializer");
    }

    /** The type information of {@code type}, serialized by {@code serializer}. */
    public static <T> RecordTypeInfo<T> of(Class<T> type, RecordSerializer<T> serializer) {
        return new RecordTypeInfo<>(type, serializer);
    }

    @Override
    public boolean isBasicType() {
        return false;
    }

    @Override
    public boolean isTupleType() {
        return false;
    }

    @Override
    public int getArity() {
        return 1;
    }

    @Override
    public int getTotalFields() {
        return 1;
    }

    @Override
    public Class<T> getTypeClass() {
        return type;
    }

    @Override
    public boolean isKeyType() {
        return false;
    }

    @Override
    public TypeSerializer<T> createSerializer(SerializerConfig config) {
        return serializer;
    }

    @Override
    public String toString() {
        return "Record<" + type.getName() + ">";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RecordTypeInfo<?> other && other.type == type && other.serializer.equals(serializer);
    }

    @Override
    public int hashCode() {
        return type.hashCode();
    }

    @Override
    public boolean canEqual(Object o) {
        return o instanceof RecordTypeInfo;
    }
}
