/**
 * Readers for the third-party corpora of the shared data folder ({@code ../shared/data}), used only by benchmark
 * and evaluation commands and by tests that skip when the folder is absent. Nothing here is shipped data.
 */
package dev.vigie.nlp.internal.data;
