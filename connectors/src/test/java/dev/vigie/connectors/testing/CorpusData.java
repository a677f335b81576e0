package dev.vigie.connectors.testing;

import dev.vigie.testing.SharedData;
import java.nio.file.Path;

/**
 * The shared third-party data folder, through {@link SharedData}: tests that need it skip with a clear message when
 * it is absent, as it is in a user's clone, and fail under CI ({@code -Dvigie.data.required=true}).
 */
public final class CorpusData {
    private CorpusData() {}

    /** The folder {@code name} of the data dir; the test is skipped (or fails under CI) when it is absent. */
    public static Path folder(String name) {
        return SharedData.folder(name);
    }
}
