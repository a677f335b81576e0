package dev.vigie.nlp.sentiment;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * What the gzipped model files of this package share: a header (a magic number naming the kind of model, then its
 * format version), refused with the file's name when it is not such a model or of another format; and the reading
 * of a model shipped as a class-path resource.
 */
final class ModelFiles {

    /** Reads a model from a stream, naming the stream's source in errors. */
    @FunctionalInterface
    interface Reader<T> {
        T read(InputStream in, String name) throws IOException;
    }

    private ModelFiles() {}

    /**
     * Reads the model shipped as {@code resource} beside {@code owner}.
     *
     * @throws IllegalStateException when the resource is missing from the class path
     * @throws UncheckedIOException  when it cannot be read
     */
    static <T> T shipped(Class<?> owner, String resource, Reader<T> reader) {
        try (InputStream in = owner.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return reader.read(in, resource);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /**
     * Opens {@code stream} as a gzipped model file of {@code kind} and checks its header.
     *
     * @return the stream, positioned after the header
     * @throws IOException naming {@code name} when the file is not a {@code kind} of format {@code format}
     */
    static DataInputStream openChecked(InputStream stream, String name, int magic, int format, String kind)
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
            throw new IOException("unsupported " + kind + " format " + found + " in " + name
                    + " (this version of Vigie reads format " + format + ")");
        }
        return in;
    }
}
