/**
 * Evaluation and benchmark commands: accuracy, macro-F1 and confusion matrices of the sentiment and theme models
 * on the third-party data sets beside the project ({@code vigie.data.dir}), printed beside published figures, and
 * throughput of sentiment and of the whole enrichment chain. See docs/evaluation.md and
 * docs/performance.md for the exact command lines and the numbers measured.
 */
package dev.vigie.nlp.eval;
