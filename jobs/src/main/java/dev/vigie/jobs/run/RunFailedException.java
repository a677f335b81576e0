package dev.vigie.jobs.run;

/**
 * The run itself failed (Elasticsearch unreachable for too long, the Flink job failed): nothing was committed, the
 * next run starts again from the previous state. One failing source is not this: it is reported in the summary.
 */
public class RunFailedException extends Exception {

    public RunFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
