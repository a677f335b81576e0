package dev.vigie.jobs.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigie.jobs.watch.Brand;
import dev.vigie.jobs.watch.Watch;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class RunOptionsTest {

    private static final Watch ACME =
            Watch.builder("acme", new Brand("Acme", List.of())).build();

    private static RunOptions.Builder valid() {
        return RunOptions.builder().watch(ACME);
    }

    private static void refuses(UnaryOperator<RunOptions.Builder> change, String message) {
        assertThatThrownBy(() -> change.apply(valid()).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    @Test
    void defaultsToTheWatchElasticsearchTheMachineCoresAndAnEmbeddedCluster() {
        RunOptions options = valid().build();
        assertThat(options.elasticsearch().url()).isEqualTo("http://localhost:9200");
        assertThat(options.parallelism()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(options.execution()).isEqualTo(RunOptions.Execution.EMBEDDED);
        assertThat(options.fetchCapacity()).isEqualTo(RunOptions.DEFAULT_FETCH_CAPACITY);
        assertThat(options.runId()).matches("\\d{8}T\\d{6}Z-[0-9a-f]{8}");
    }

    @Test
    void refusesInconsistentOptions() {
        assertThatThrownBy(() -> RunOptions.builder().build()).hasMessageContaining("at least one watch");
        refuses(b -> b.watch(ACME), "watch 'acme' is given twice");
        refuses(b -> b.parallelism(0), "parallelism must be >= 1, was 0");
        refuses(b -> b.execution(null), "execution");
        refuses(b -> b.apis(null), "apis");
        refuses(b -> b.fetchCapacity(0), "fetchCapacity must be >= 1");
        refuses(b -> b.fetchTimeout(Duration.ZERO), "fetchTimeout must be positive");
        refuses(b -> b.progressInterval(Duration.ofSeconds(-1)), "progressInterval must be positive");
        refuses(b -> b.sinkMaxRetryDuration(null), "sinkMaxRetryDuration must be positive");
        refuses(b -> b.elasticsearchWait(Duration.ZERO), "elasticsearchWait must be positive");
        refuses(b -> b.sinkMaxBatchSize(0), "sinkMaxBatchSize must be >= 1");
        refuses(b -> b.sinkMaxInFlightRequests(0), "sinkMaxInFlightRequests must be >= 1");
        refuses(b -> b.coreNlp(null), "coreNlp");
        refuses(b -> b.runId("run 1/2"), "runId must be [A-Za-z0-9._-]+");
    }
}
