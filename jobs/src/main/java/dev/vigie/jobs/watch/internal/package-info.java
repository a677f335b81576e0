/**
 * Implementation of the watch loader: a YAML tree that remembers the line of every node ({@code YamlReader},
 * {@code YamlNode}), and the binder that walks it into records while collecting every error of the file
 * ({@code WatchBinder}). Each mapping of a watch file is a {@code Section}: its keys listed once, each with its
 * reader, which both refuses unknown keys and reads the known ones; {@code ValueReader} reads typed values (strings,
 * lists, choices, URLs, addresses, {@code ${NAME}} references) and words the errors. Nothing outside
 * {@code dev.vigie.jobs.watch} uses it.
 */
package dev.vigie.jobs.watch.internal;
