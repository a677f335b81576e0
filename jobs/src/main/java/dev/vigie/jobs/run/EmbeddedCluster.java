package dev.vigie.jobs.run;

import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.apache.flink.client.deployment.executors.PipelineExecutorUtils;
import org.apache.flink.configuration.BatchExecutionOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.DeploymentOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.PipelineExecutor;
import org.apache.flink.core.execution.PipelineExecutorFactory;
import org.apache.flink.core.execution.PipelineExecutorServiceLoader;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.runtime.minicluster.MiniClusterJobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An embedded Flink cluster (a MiniCluster in this JVM) that outlives one run: {@code vigie serve} starts it once and
 * every scheduled run submits its job to it ({@link RunOptions.Builder#cluster(EmbeddedCluster)}), instead of
 * starting and stopping a MiniCluster per run as {@code vigie run} does. Its task manager, network buffers and class
 * loading stay warm between runs. Runs are submitted one at a time by the caller.
 */
public final class EmbeddedCluster implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedCluster.class);
    private static final String EXECUTOR = "vigie-embedded-cluster";

    private final MiniCluster cluster;
    private final int parallelism;

    private EmbeddedCluster(MiniCluster cluster, int parallelism) {
        this.cluster = cluster;
        this.parallelism = parallelism;
    }

    /**
     * Starts a cluster with {@code parallelism} task slots and the settings of an embedded run.
     *
     * @throws IllegalArgumentException when {@code parallelism} is below 1
     * @throws IllegalStateException    when Flink could not start
     */
    public static EmbeddedCluster start(int parallelism) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be >= 1, was " + parallelism);
        }
        long start = System.nanoTime();
        MiniCluster cluster = new MiniCluster(new MiniClusterConfiguration.Builder()
                .setConfiguration(configuration(parallelism))
                .setNumTaskManagers(1)
                .setNumSlotsPerTaskManager(RunGraph.slots(parallelism))
                .build());
        try {
            cluster.start();
        } catch (Exception e) {
            cluster.closeAsync();
            throw new IllegalStateException("the embedded Flink cluster did not start: " + e.getMessage(), e);
        }
        LOG.info(
                "Embedded Flink cluster started in {} ms, parallelism {}",
                (System.nanoTime() - start) / 1_000_000,
                parallelism);
        return new EmbeddedCluster(cluster, parallelism);
    }

    /** The settings of an embedded run's cluster (also those of {@code vigie run}'s per-run MiniCluster). */
    static Configuration configuration(int parallelism) {
        Configuration config = new Configuration();
        config.set(TaskManagerOptions.MANAGED_MEMORY_SIZE, RunGraph.EMBEDDED_MANAGED_MEMORY);
        config.set(TaskManagerOptions.NUM_TASK_SLOTS, RunGraph.slots(parallelism));
        config.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        // --parallelism N means N subtasks for every stage: left on, Flink's adaptive batch scheduler gives a
        // stage one subtask per 16 MB of input, and so one subtask to the CPU-bound enrichment of a few
        // thousand mentions, or to the sink.
        config.set(BatchExecutionOptions.ADAPTIVE_AUTO_PARALLELISM_ENABLED, false);
        return config;
    }

    public int parallelism() {
        return parallelism;
    }

    /** An environment whose jobs run on this cluster. */
    StreamExecutionEnvironment environment() {
        Configuration config = configuration(parallelism);
        config.set(DeploymentOptions.TARGET, EXECUTOR);
        config.set(DeploymentOptions.ATTACHED, true);
        PipelineExecutor executor = (pipeline, configuration, classLoader) -> {
            StreamGraph graph = PipelineExecutorUtils.getStreamGraph(pipeline, configuration);
            graph.serializeUserDefinedInstances();
            return cluster.submitJob(graph).thenApply(submitted -> (JobClient) new MiniClusterJobClient(
                    submitted.getJobID(), cluster, classLoader, MiniClusterJobClient.JobFinalizationBehavior.NOTHING));
        };
        PipelineExecutorFactory factory = new PipelineExecutorFactory() {
            @Override
            public String getName() {
                return EXECUTOR;
            }

            @Override
            public boolean isCompatibleWith(Configuration configuration) {
                return EXECUTOR.equals(configuration.get(DeploymentOptions.TARGET));
            }

            @Override
            public PipelineExecutor getExecutor(Configuration configuration) {
                return executor;
            }
        };
        PipelineExecutorServiceLoader loader = new PipelineExecutorServiceLoader() {
            @Override
            public PipelineExecutorFactory getExecutorFactory(Configuration configuration) {
                return factory;
            }

            @Override
            public Stream<String> getExecutorNames() {
                return Stream.of(EXECUTOR);
            }
        };
        return new StreamExecutionEnvironment(loader, config, EmbeddedCluster.class.getClassLoader());
    }

    /** Stops the cluster (a job still running is cancelled with it). */
    @Override
    public void close() {
        CompletableFuture<Void> closed = cluster.closeAsync();
        try {
            closed.get();
            LOG.info("Embedded Flink cluster stopped");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warn("Stopping the embedded Flink cluster failed: {}", e.getMessage());
        }
    }
}
