package dev.vigie.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.vigie.jobs.watch.InvalidWatchException;
import dev.vigie.jobs.watch.Watch;
import dev.vigie.jobs.watch.WatchError;
import dev.vigie.jobs.watch.WatchLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WatchFilesOptionTest {
    private final WatchLoader loader = new WatchLoader(Map.of());

    private static WatchFilesOption option(Path... files) {
        WatchFilesOption option = new WatchFilesOption();
        option.files = List.of(files);
        return option;
    }

    @Test
    void loadsEveryWatchInOrder(@TempDir Path dir) throws Exception {
        Path a = Files.writeString(dir.resolve("a.yaml"), "watch: client-a\nbrand: { name: A }\n");
        Path b = Files.writeString(dir.resolve("b.yaml"), "watch: client-b\nbrand: { name: B }\n");
        assertThat(option(a, b).load(loader)).extracting(Watch::id).containsExactly("client-a", "client-b");
    }

    @Test
    void reportsTheErrorsOfEveryFileAndDuplicateWatchIds(@TempDir Path dir) throws Exception {
        Path a = Files.writeString(dir.resolve("a.yaml"), "watch: client-a\nbrand: { name: A }\n");
        Path again = Files.writeString(dir.resolve("again.yaml"), "watch: client-a\nbrand: { name: A2 }\n");
        Path bad = Files.writeString(dir.resolve("bad.yaml"), "watch: client-c\nbrand: { name: C }\nevery: day\n");
        InvalidWatchException e = catchThrowableOfType(
                InvalidWatchException.class, () -> option(a, again, bad).load(loader));
        assertThat(e.errors())
                .extracting(WatchError::toString)
                .containsExactly(
                        again + ":1: watch: watch id 'client-a' is already used by " + a,
                        bad + ":3: every: unknown key; expected one of watch, language, languages, timezone, brand, "
                                + "competitors, sources, alerts, themes, report, elasticsearch, mail, kibana, schedule, sentiment");
        assertThat(e.getMessage()).startsWith("2 errors in 2 watch files:");
    }
}
