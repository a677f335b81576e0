package dev.vigie.jobs.run.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.Serializable;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Flink type information for the job's immutable, {@link Serializable} records, serialized with Java serialization.
 *
 * <p>Why not Flink's defaults: records holding {@code List.copyOf(...)}, {@code URI}s and sealed interfaces fall back
 * to Kryo, which cannot rebuild immutable JDK collections. Java serialization handles them exactly; the elements are
 * few and coarse (a source, a mention), so its cost is small beside fetching and enrichment. The records are
 * immutable, so copies are the same instance.
 */
public final class SerializableTypeInfo<T extends Serializable> extends TypeInformation<T> {

    private final Class<T> type;

    private SerializableTypeInfo(Class<T> type) {
        this.type = type;
    }

    public static <T extends Serializable> SerializableTypeInfo<T> forClass(Class<T> type) {
        return new SerializableTypeInfo<>(type);
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
        return new Serializer<>(type);
    }

    @Override
    public String toString() {
        return "Serializable<" + type.getName() + ">";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SerializableTypeInfo<?> other && other.type == type;
    }

    @Override
    public int hashCode() {
        return type.hashCode();
    }

    @Override
    public boolean canEqual(Object o) {
        return o instanceof SerializableTypeInfo;
    }

    /** Java serialization of one immutable record, length-prefixed. */
    static final class Serializer<T extends Serializable> extends TypeSerializer<T> {
        private final Class<T> type;

        Serializer(Class<T> type) {
            this.type = type;
        }

        @Override
        public boolean isImmutableType() {
            return true;
        }

        @Override
        public TypeSerializer<T> duplicate() {
            return this;
        }

        @Override
        public T createInstance() {
            return null;
        }

        @Override
        public T copy(T from) {
            return from;
        }

        @Override
        public T copy(T from, T reuse) {
            return from;
        }

        @Override
        public int getLength() {
            return -1;
        }

        @Override
        public void serialize(T record, DataOutputView target) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(record);
            }
            target.writeInt(bytes.size());
            bytes.writeTo(new DataOutputViewStream(target));
        }

        @Override
        public T deserialize(DataInputView source) throws IOException {
            byte[] bytes = new byte[source.readInt()];
            source.readFully(bytes);
            try (ObjectInputStream in = new ClassLoaderObjectInputStream(new ByteArrayInputStream(bytes),
                    type.getClassLoader())) {
                return type.cast(in.readObject());
            } catch (ClassNotFoundException e) {
                throw new IOException("Cannot read a " + type.getName() + ": " + e.getMessage(), e);
            }
        }

        @Override
        public T deserialize(T reuse, DataInputView source) throws IOException {
            return deserialize(source);
        }

        @Override
        public void copy(DataInputView source, DataOutputView target) throws IOException {
            int length = source.readInt();
            target.writeInt(length);
            target.write(source, length);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Serializer<?> other && other.type == type;
        }

        @Override
        public int hashCode() {
            return type.hashCode();
        }

        @Override
        public TypeSerializerSnapshot<T> snapshotConfiguration() {
            return new Snapshot<>(type);
        }
    }

    /** Snapshot of a {@link Serializer}: the class name. */
    public static final class Snapshot<T extends Serializable> implements TypeSerializerSnapshot<T> {
        private Class<T> type;

        /** For Flink, which restores snapshots reflectively. */
        public Snapshot() {
        }

        Snapshot(Class<T> type) {
            this.type = type;
        }

        @Override
        public int getCurrentVersion() {
            return 1;
        }

        @Override
        public void writeSnapshot(DataOutputView out) throws IOException {
            out.writeUTF(type.getName());
        }

        @Override
        @SuppressWarnings("unchecked")
        public void readSnapshot(int version, DataInputView in, ClassLoader loader) throws IOException {
            try {
                type = (Class<T>) Class.forName(in.readUTF(), false, loader);
            } catch (ClassNotFoundException e) {
                throw new IOException(e);
            }
        }

        @Override
        public TypeSerializer<T> restoreSerializer() {
            return new Serializer<>(type);
        }

        @Override
        public TypeSerializerSchemaCompatibility<T> resolveSchemaCompatibility(TypeSerializerSnapshot<T> old) {
            return old instanceof Snapshot<?> s && s.type == type
                    ? TypeSerializerSchemaCompatibility.compatibleAsIs()
                    : TypeSerializerSchemaCompatibility.incompatible();
        }
    }

    /** Resolves classes with the loader of the record type (Flink's user-code class loader on a cluster). */
    private static final class ClassLoaderObjectInputStream extends ObjectInputStream {
        private final ClassLoader loader;

        ClassLoaderObjectInputStream(InputStream in, ClassLoader loader) throws IOException {
            super(in);
            this.loader = loader;
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
            try {
                return Class.forName(desc.getName(), false, loader);
            } catch (ClassNotFoundException e) {
                return super.resolveClass(desc);
            }
        }
    }

    /** Adapts Flink's output view to an {@link java.io.OutputStream}. */
    private static final class DataOutputViewStream extends java.io.OutputStream {
        private final DataOutputView view;

        DataOutputViewStream(DataOutputView view) {
            this.view = view;
        }

        @Override
        public void write(int b) throws IOException {
            view.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            view.write(b, off, len);
        }
    }
}
