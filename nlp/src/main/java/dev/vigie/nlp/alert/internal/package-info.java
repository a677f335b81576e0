/**
 * Implementation of alert matching: the query parser and translator, host-name handling for {@code site:}, the
 * presearcher handler for wildcards, the weightor that picks each rule's index terms, and the Monitor configuration
 * that merges the query index into one segment. Nothing outside {@code dev.vigie.nlp.alert} uses these.
 */
package dev.vigie.nlp.alert.internal;
