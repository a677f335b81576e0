/**
 * Internals of the Elasticsearch sink: the writer, its request entries and their state serializer, the ordering of
 * bulk item outcomes. Nothing outside {@code dev.vigie.jobs.sink} uses these types (they are {@code @Internal}).
 */
package dev.vigie.jobs.sink.internal;
