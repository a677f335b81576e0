package dev.vigie.jobs.demo;

import dev.vigie.jobs.demo.internal.DemoTemplates;
import dev.vigie.jobs.watch.InvalidWatchException;
import dev.vigie.jobs.watch.Watch;
import dev.vigie.jobs.watch.WatchLoader;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * The bundled demo watch ({@code demo/demo-watch.yaml}), with its four placeholders filled: {@code {{demo}}} (the
 * demo server), {@code {{elasticsearch}}}, {@code {{outbox}}} and {@code {{frModel}}} (the French sentiment model
 * the demo trains, {@link DemoModel}). It goes through the same {@link WatchLoader} as
 * any user's file, so the demo also proves the file a user reads in the README is valid.
 */
public final class DemoWatch {

    /** The bundled file, relative to the demo folder on the class path. */
    public static final String FILE = "demo-watch.yaml";
    /** The watch id of the demo: every document the demo indexes carries it. */
    public static final String ID = "ventelune-demo";

    private DemoWatch() {}

    /** The watch file's text with the placeholders filled. */
    public static String yaml(URI demoServer, URI elasticsearch, Path outbox, Path frModel) {
        Objects.requireNonNull(demoServer, "demoServer");
        Objects.requireNonNull(elasticsearch, "elasticsearch");
        Objects.requireNonNull(outbox, "outbox");
        Objects.requireNonNull(frModel, "frModel");
        String base = demoServer.toString().replaceAll("/+$", "");
        return DemoTemplates.load(FILE)
                .replace("{{demo}}", base)
                .replace("{{elasticsearch}}", elasticsearch.toString().replaceAll("/+$", ""))
                .replace("{{outbox}}", outbox.toString().replace("\\", "/"))
                .replace("{{frModel}}", frModel.toString().replace("\\", "/"));
    }

    /** The demo watch, loaded and checked ({@code frModel} must exist: {@link DemoModel#train} writes it). */
    public static Watch load(URI demoServer, URI elasticsearch, Path outbox, Path frModel) {
        try {
            return new WatchLoader(Map.of()).parse(FILE, yaml(demoServer, elasticsearch, outbox, frModel));
        } catch (InvalidWatchException e) {
            throw new IllegalStateException("the bundled demo watch is invalid: " + e.getMessage(), e);
        }
    }
}
