/**
 * Internal: a compact multinomial logistic regression over sparse (hashed word and character n-gram) features,
 * shared by the trainable sentiment model, the English sentiment model and the theme classifier, and the tuning of
 * decision offsets for macro-F1. Nothing outside the {@code nlp} module imports it.
 */
package dev.vigie.nlp.internal.linear;
