package dev.vigie.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalElasticsearchTest {

    @TempDir
    Path dir;

    Path home;

    @BeforeEach
    void fakeDistributionLayout() throws IOException {
        home = Files.createDirectories(dir.resolve("es/bin"));
        Files.writeString(home.resolve("elasticsearch"), "#!/bin/sh\n");
        home = home.getParent();
    }

    @Test
    void buildsWithDefaultsAndAWorkDir() {
        LocalElasticsearch node =
                LocalElasticsearch.builder(home).workDir(dir.resolve("w")).build();
        assertThat(node.workDir()).isEqualTo(dir.resolve("w").toAbsolutePath());
        assertThat(node.consoleLog())
                .isEqualTo(dir.resolve("w/logs/console.log").toAbsolutePath());
        assertThatThrownBy(node::url).isInstanceOf(IllegalStateException.class).hasMessageContaining("not started");
    }

    @Test
    void refusesAFolderThatIsNotADistributionNamingIt() {
        Path notEs = dir.resolve("nothing");
        assertThatThrownBy(() -> LocalElasticsearch.builder(notEs).workDir(dir).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(notEs.toString())
                .hasMessageContaining("deploy/elasticsearch");
    }

    @Test
    void refusesMissingWorkDir() {
        assertThatThrownBy(() -> LocalElasticsearch.builder(home).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("workDir");
    }

    @Test
    void refusesBadPort() {
        assertThatThrownBy(() -> LocalElasticsearch.builder(home)
                        .workDir(dir)
                        .httpPort(70000)
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("70000");
        assertThatThrownBy(() -> LocalElasticsearch.builder(home)
                        .workDir(dir)
                        .httpPort(-1)
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-1");
    }

    @Test
    void refusesBadHeap() {
        assertThatThrownBy(() -> LocalElasticsearch.builder(home)
                        .workDir(dir)
                        .heap("lots")
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lots");
    }

    @Test
    void refusesNonPositiveTimeout() {
        assertThatThrownBy(() -> LocalElasticsearch.builder(home)
                        .workDir(dir)
                        .startTimeout(Duration.ZERO)
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PT0S");
    }

    @Test
    void refusesBadUserAndClusterNames() {
        assertThatThrownBy(() -> LocalElasticsearch.builder(home)
                        .workDir(dir)
                        .unprivilegedUser("Root Me")
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Root Me");
        assertThatThrownBy(() -> LocalElasticsearch.builder(home)
                        .workDir(dir)
                        .clusterName("My Cluster")
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("My Cluster");
    }

    @Test
    void nothingAnswersOnAClosedPort() {
        assertThat(LocalElasticsearch.isHealthy(java.net.URI.create("http://127.0.0.1:1")))
                .isFalse();
    }
}
