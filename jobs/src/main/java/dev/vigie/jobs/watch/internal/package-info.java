/**
 * Implementation of the watch loader: a YAML tree that remembers the line of every node, and the binder that walks
 * it into records while collecting every error of the file. Nothing outside {@code dev.vigie.jobs.watch} uses it.
 */
package dev.vigie.jobs.watch.internal;
