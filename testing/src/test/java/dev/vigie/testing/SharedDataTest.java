package dev.vigie.testing;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

class SharedDataTest {

    @TempDir
    Path root;

    @Test
    void passesWhenEveryNamedFolderIsThere() throws IOException {
        Files.createDirectories(root.resolve("topics-en"));
        Files.createDirectories(root.resolve("sentiment-fr"));

        assertThatCode(() -> SharedData.check(root, true, "topics-en", "sentiment-fr"))
                .doesNotThrowAnyException();
        assertThatCode(() -> SharedData.check(root, false)).doesNotThrowAnyException();
    }

    @Test
    void skipsNamingTheMissingFolderInAUsersClone() throws IOException {
        Files.createDirectories(root.resolve("topics-en"));

        assertThatThrownBy(() -> SharedData.check(root, false, "topics-en", "sentiment-fr"))
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining(root.resolve("sentiment-fr").toString())
                .hasMessageContaining("-Dvigie.data.dir");
    }

    @Test
    void failsInsteadOfSkippingWhenTheDataIsRequired() {
        Path absent = root.resolve("no-such-data");

        assertThatThrownBy(() -> SharedData.check(absent, true, "topics-en"))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining(absent.toString())
                .hasMessageContaining("-Dvigie.data.required=true");
    }

    @Test
    void readsTheFolderAndTheRequirementFromSystemProperties() {
        String dir = System.getProperty(SharedData.DIR_PROPERTY);
        String required = System.getProperty(SharedData.REQUIRED_PROPERTY);
        try {
            System.setProperty(SharedData.DIR_PROPERTY, root.resolve("absent").toString());
            System.setProperty(SharedData.REQUIRED_PROPERTY, "true");
            assertThatThrownBy(() -> SharedData.folder("topics-en")).isInstanceOf(AssertionFailedError.class);

            System.setProperty(SharedData.REQUIRED_PROPERTY, "false");
            assertThatThrownBy(() -> SharedData.folder("topics-en")).isInstanceOf(TestAbortedException.class);

            System.setProperty(SharedData.DIR_PROPERTY, root.toString());
            assertThatCode(() -> SharedData.root()).doesNotThrowAnyException();
        } finally {
            restore(SharedData.DIR_PROPERTY, dir);
            restore(SharedData.REQUIRED_PROPERTY, required);
        }
    }

    private static void restore(String name, String value) {
        if (value == null) {
            System.clearProperty(name);
        } else {
            System.setProperty(name, value);
        }
    }
}
