/**
 * Internals of the run job: the Flink type information of its immutable record types, and the back-off of its
 * calls to Elasticsearch outside the sink.
 */
package dev.vigie.jobs.run.internal;
