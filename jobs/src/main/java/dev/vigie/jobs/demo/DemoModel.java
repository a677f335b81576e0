package dev.vigie.jobs.demo;

import dev.vigie.jobs.cli.TrainCommand;
import dev.vigie.jobs.demo.internal.DemoTemplates;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import picocli.CommandLine;

/**
 * The demo's own French sentiment model: 120 short French posts about e-bike subscriptions (app, repairs, prices,
 * announcements), labelled negative / neutral / positive and written for the demo ({@code demo/sentiment-fr-demo.tsv};
 * none of them is one of the demo's posts), trained by {@code vigie train} itself and named by the demo watch's
 * {@code sentiment: { models: { fr: ... } }}, so the demo shows the path an analyst takes with labelled posts of
 * their own: the French mentions of both runs are read by that model instead of the built-in lexicon.
 */
public final class DemoModel {

    /** The labelled posts, relative to the demo folder on the class path ({@code label<TAB>text}). */
    public static final String LABELLED = "sentiment-fr-demo.tsv";
    /** The model's file name in the models folder. */
    public static final String FILE = "fr-demo.model";

    private DemoModel() {}

    /**
     * Writes the labelled posts to {@code dir} and trains the French model there with {@code vigie train}, its
     * summary printed to {@code out}; returns the model file.
     *
     * @throws IOException when the folder cannot be written or the training fails (its one-line reason included)
     */
    public static Path train(Path dir, PrintStream out) throws IOException {
        Objects.requireNonNull(out, "out");
        Files.createDirectories(dir);
        Path labelled = dir.resolve(LABELLED);
        Files.writeString(labelled, DemoTemplates.load(LABELLED), StandardCharsets.UTF_8);
        Path model = dir.resolve(FILE);
        PrintWriter writer = new PrintWriter(out, true, StandardCharsets.UTF_8);
        int exit = new CommandLine(new TrainCommand())
                .setOut(writer)
                .setErr(writer)
                .execute("--lang", "fr", "--in", labelled.toString(), "--out", model.toString());
        writer.flush();
        if (exit != 0 || !Files.isRegularFile(model)) {
            throw new IOException(
                    "vigie train could not train the demo's French model from " + labelled + " (exit " + exit + ")");
        }
        return model;
    }
}
