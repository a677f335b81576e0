package dev.vigie.jobs.run.internal;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;

/**
 * Base of the serializers written for the job's immutable records: field by field, in a fixed order, with helpers for
 * the field types the records use (nullable strings, instants, boxed numbers, lists of strings). Stateless, so one
 * instance serves every thread; the records are immutable, so a copy is the record itself.
 *
 * <p>Why not Flink's own serializers: records holding sealed interfaces, {@code URI}s or records of another module
 * fall back to Kryo (which cannot rebuild immutable JDK collections) or to Java serialization, which cost 15-65 % of
 * the CPU of the stages they cross. A subclass reads back exactly what it wrote, through the record's constructor.
 *
 * @param <T> the record type
 */
public abstract class RecordSerializer<T> extends TypeSerializerSingleton<T> {

    private static final long serialVersionUID = 1L;

    @Override
    public final boolean isImmutableType() {
        return true;
    }

    @Override
    public final T createInstance() {
        return null;
    }

    @Override
    public final T copy(T from) {
        return from;
    }

    @Override
    public final T copy(T from, T reuse) {
        return from;
    }

    @Override
    public final int getLength() {
        return -1;
    }

    @Override
    public final T deserialize(T reuse, DataInputView source) throws IOException {
        return deserialize(source);
    }

    @Override
    public final void copy(DataInputView source, DataOutputView target) throws IOException {
        serialize(deserialize(source), target);
    }

    /** Writes a string, {@code null} included, of any length. */
    public static void writeString(DataOutputView out, String value) throws IOException {
        StringValue.writeString(value, out);
    }

    public static String readString(DataInputView in) throws IOException {
        return StringValue.readString(in);
    }

    /** Writes an instant to the nanosecond, or {@code null}. */
    public static void writeInstant(DataOutputView out, Instant value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeLong(value.getEpochSecond());
            out.writeInt(value.getNano());
        }
    }

    public static Instant readInstant(DataInputView in) throws IOException {
        return in.readBoolean() ? Instant.ofEpochSecond(in.readLong(), in.readInt()) : null;
    }

    public static void writeLong(DataOutputView out, Long value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeLong(value);
        }
    }

    public static Long readLong(DataInputView in) throws IOException {
        return in.readBoolean() ? in.readLong() : null;
    }

    public static void writeDouble(DataOutputView out, Double value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeDouble(value);
        }
    }

    public static Double readDouble(DataInputView in) throws IOException {
        return in.readBoolean() ? in.readDouble() : null;
    }

    /** Writes a list of strings (the list not {@code null}). */
    public static void writeStrings(DataOutputView out, List<String> values) throws IOException {
        out.writeInt(values.size());
        for (String value : values) {
            writeString(out, value);
        }
    }

    /** Reads a list written by {@link #writeStrings}, as a mutable list the record's constructor copies. */
    public static List<String> readStrings(DataInputView in) throws IOException {
        int size = in.readInt();
        List<String> values = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            values.add(readString(in));
        }
        return values;
    }
}
