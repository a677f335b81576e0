package dev.vigie.jobs.sink;

/** Elasticsearch could not be written to for longer than the sink is allowed to wait: the run fails. */
public class ElasticsearchSinkException extends RuntimeException {

    public ElasticsearchSinkException(String message, Throwable cause) {
        super(message, cause);
    }
}
