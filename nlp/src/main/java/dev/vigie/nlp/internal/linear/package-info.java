/**
 * Internal: a compact multinomial logistic regression over hashed word and character n-grams, shared by the
 * trainable sentiment model and the theme classifier. Nothing outside the {@code nlp} module imports it.
 */
package dev.vigie.nlp.internal.linear;
