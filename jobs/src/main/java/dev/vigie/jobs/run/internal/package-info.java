/**
 * Internals of the run job: the Flink type information of its immutable record types.
 */
package dev.vigie.jobs.run.internal;
