package dev.vigie.jobs.sink.internal;

import dev.vigie.jobs.sink.EsDocument;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.flink.annotation.Internal;
import org.apache.flink.connector.base.sink.writer.AsyncSinkWriterStateSerializer;

/** Serializes the sink's buffered entries into a checkpoint (sources can exceed 64 KB, hence no writeUTF). */
@Internal
public final class BulkEntrySerializer extends AsyncSinkWriterStateSerializer<BulkEntry> {

    @Override
    protected void serializeRequestToStream(BulkEntry entry, DataOutputStream out) throws IOException {
        writeString(out, entry.document().index());
        writeString(out, entry.document().id());
        writeString(out, entry.document().source());
        out.writeInt(entry.attempts());
    }

    @Override
    protected BulkEntry deserializeRequestFromStream(long requestSize, DataInputStream in) throws IOException {
        String index = readString(in);
        String id = readString(in);
        String source = readString(in);
        return new BulkEntry(new EsDocument(index, id, source), in.readInt());
    }

    @Override
    public int getVersion() {
        return 1;
    }

    private static void writeString(DataOutputStream out, String value) throws IOException {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readString(DataInputStream in) throws IOException {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
