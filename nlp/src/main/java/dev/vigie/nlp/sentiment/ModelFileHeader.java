package dev.vigie.nlp.sentiment;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * The header every gzipped model file of this package starts with: a magic number naming the kind of model, then
 * its format version. Reading it refuses, naming the file, what is not such a model or is of another format.
 */
final class ModelFileHeader {

    private ModelFileHeader() {
    }

    /**
     * Opens {@code stream} as a gzipped model file of {@code kind} and checks its header.
     *
     * @return the stream, positioned after the header
     * @throws IOException naming {@code name} when the file is not a {@code kind} of format {@code format}
     */
    static DataInputStream open(InputStream stream, String name, int magic, int format, String kind)
            throws IOException {
        DataInputStream in;
        try {
            in = new DataInputStream(new BufferedInputStream(new GZIPInputStream(stream)));
        } catch (ZipException e) {
            throw new IOException("not a Vigie " + kind + ": " + name, e);
        }
        if (in.readInt() != magic) {
            throw new IOException("not a Vigie " + kind + ": " + name);
        }
        int found = in.readInt();
        if (found != format) {
            throw new IOException("unsupported " + kind + " format " + found + " in " + name);
        }
        return in;
    }
}
