/**
 * Implementation of alert matching: the query parser and translator, host-name handling for {@code site:}, and the
 * presearcher handler for wildcards. Nothing outside {@code dev.vigie.nlp.alert} uses these.
 */
package dev.vigie.nlp.alert.internal;
