package dev.vigie.nlp.internal.linear;

import edu.stanford.nlp.io.IOUtils;
import edu.stanford.nlp.neural.Embedding;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.LoggerFactory;

/**
 * Pre-trained English word vectors: the 50-dimensional embeddings CoreNLP ships with its neural coreference model
 * ({@code coref/neural/english-embeddings.ser.gz}, 103,000 lower-case words, learned from unlabelled English text).
 * They tell a classifier that "striker" and "goal" are near "football" although no example used them, which is what
 * a watch's few examples cannot teach.
 *
 * <p>Reading CoreNLP's serialized file takes several seconds, so the build converts it once ({@link #main}, bound to
 * the {@code process-classes} phase of the nlp module) into {@link #RESOURCE}: words folded like
 * {@link TextFeatures#tokens}, each vector quantised to bytes with its own scale (5.8 MB, read in about a
 * second). {@link #english()} loads it once per JVM; immutable and thread-safe after that.
 */
public final class WordVectors {

    /** Classpath resource written by {@link #main}. */
    public static final String RESOURCE = "dev/vigie/nlp/internal/linear/word-vectors-en-v1.bin";
    /** CoreNLP's embeddings inside its {@code models} jar. */
    static final String CORENLP_EMBEDDINGS = "edu/stanford/nlp/models/coref/neural/english-embeddings.ser.gz";

    private static final int MAGIC = 0x56475756; // "VGWV"

    /** No vectors: every word is unknown (for comparisons and for texts in languages without vectors). */
    public static final WordVectors NONE = new WordVectors(Map.of(), 0, new float[0], new byte[0]);

    private final Map<String, Integer> index;
    private final int dimensions;
    private final float[] scales;
    private final byte[] values;

    private WordVectors(Map<String, Integer> index, int dimensions, float[] scales, byte[] values) {
        this.index = index;
        this.dimensions = dimensions;
        this.scales = scales;
        this.values = values;
    }

    /** The English vectors, read from {@link #RESOURCE} on first use. */
    public static WordVectors english() {
        return English.VECTORS;
    }

    private static final class English {
        static final WordVectors VECTORS = load();

        private static WordVectors load() {
            InputStream in = WordVectors.class.getClassLoader().getResourceAsStream(RESOURCE);
            if (in == null) {
                throw new IllegalStateException("word vectors " + RESOURCE + " are not on the classpath: build the nlp "
                        + "module with Maven (its process-classes phase writes them)");
            }
            try (DataInputStream data = new DataInputStream(new BufferedInputStream(in, 1 << 16))) {
                return read(data);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read word vectors " + RESOURCE, e);
            }
        }
    }

    /** Number of words with a vector. */
    public int size() {
        return index.size();
    }

    /** Length of a vector; 0 for {@link #NONE}. */
    public int dimensions() {
        return dimensions;
    }

    /**
     * Adds the vector of a word (as {@link TextFeatures#tokens} gives it) to {@code sum}.
     *
     * @return whether the word has a vector
     */
    public boolean addTo(String word, double[] sum) {
        Integer at = index.get(word);
        if (at == null) {
            return false;
        }
        float scale = scales[at];
        int base = at * dimensions;
        for (int j = 0; j < dimensions; j++) {
            sum[j] += values[base + j] * scale;
        }
        return true;
    }

    /** Cosine similarity of two words' vectors; 0 when either has none. */
    public double similarity(String a, String b) {
        double[] x = new double[dimensions];
        double[] y = new double[dimensions];
        if (!addTo(a, x) || !addTo(b, y)) {
            return 0;
        }
        double dot = 0;
        double nx = 0;
        double ny = 0;
        for (int j = 0; j < dimensions; j++) {
            dot += x[j] * y[j];
            nx += x[j] * x[j];
            ny += y[j] * y[j];
        }
        return nx == 0 || ny == 0 ? 0 : dot / Math.sqrt(nx * ny);
    }

    private static WordVectors read(DataInputStream in) throws IOException {
        if (in.readInt() != MAGIC) {
            throw new IOException("not a Vigie word-vector file: " + RESOURCE);
        }
        int count = in.readInt();
        int dimensions = in.readInt();
        Map<String, Integer> index = new HashMap<>(count * 2);
        float[] scales = new float[count];
        byte[] values = new byte[count * dimensions];
        for (int i = 0; i < count; i++) {
            index.put(in.readUTF(), i);
            scales[i] = in.readFloat();
            in.readFully(values, i * dimensions, dimensions);
        }
        return new WordVectors(Map.copyOf(index), dimensions, scales, values);
    }

    /**
     * Converts CoreNLP's embeddings into {@link #RESOURCE} under the folder given as the only argument; does nothing
     * when the file is already there. Words are folded as {@link TextFeatures#tokens} folds them; only words that
     * are one token after folding are kept, and when two fold alike, the one already in folded form wins.
     */
    public static void main(String[] args) throws IOException, ClassNotFoundException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: WordVectors OUTPUT_FOLDER (got " + List.of(args) + ")");
        }
        Path out = Path.of(args[0]).resolve(RESOURCE);
        if (Files.isRegularFile(out)) {
            return;
        }
        long start = System.nanoTime();
        Embedding embedding = IOUtils.readObjectFromURLOrClasspathOrFileSystem(CORENLP_EMBEDDINGS);
        int dimensions = embedding.getEmbeddingSize();
        Map<String, String> folded = new TreeMap<>(); // folded word -> original word
        for (String word : embedding.keySet()) {
            List<String> tokens = TextFeatures.tokens(word);
            if (tokens.size() != 1 || !Character.isLetterOrDigit(tokens.get(0).codePointAt(0))) {
                continue;
            }
            String key = tokens.get(0);
            if (word.equals(key) || !folded.containsKey(key)) {
                folded.put(key, word);
            }
        }
        Files.createDirectories(out.getParent());
        Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
        try (DataOutputStream data =
                new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16))) {
            data.writeInt(MAGIC);
            data.writeInt(folded.size());
            data.writeInt(dimensions);
            byte[] quantised = new byte[dimensions];
            for (Map.Entry<String, String> e : folded.entrySet()) {
                var v = embedding.get(e.getValue());
                double max = 0;
                for (int j = 0; j < dimensions; j++) {
                    max = Math.max(max, Math.abs(v.get(j)));
                }
                float scale = (float) (max / 127);
                for (int j = 0; j < dimensions; j++) {
                    quantised[j] = (byte) (scale == 0 ? 0 : Math.round(v.get(j) / scale));
                }
                data.writeUTF(e.getKey());
                data.writeFloat(scale);
                data.write(quantised);
            }
        }
        Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        // The logger is looked up here, not in a static field: the build runs this class with no SLF4J binding of
        // its own (the nlp pom lends it one for this step), and loading the vectors at run time needs none of this.
        LoggerFactory.getLogger(WordVectors.class)
                .info(
                        "word vectors: {} of {} words, {} dimensions, written to {} in {} ms",
                        folded.size(),
                        embedding.size(),
                        dimensions,
                        out,
                        (System.nanoTime() - start) / 1_000_000);
    }
}
