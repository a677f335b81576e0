package dev.vigie.jobs.run;

/**
 * The run lost the lease of one of its watches (it expired while Elasticsearch did not answer, and another run took
 * it): the run stops before sending alerts or committing, and the run that holds the lease now does both.
 */
public final class LeaseLostException extends RunFailedException {

    public LeaseLostException(String message, Throwable cause) {
        super(message, cause);
    }
}
