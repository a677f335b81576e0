/** Sentence embeddings computed in-process (internal: no API promise). */
package dev.vigie.nlp.internal.embed;
