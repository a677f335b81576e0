/**
 * Internal: small linear models and their features. {@link dev.vigie.nlp.internal.linear.LinearModel} (logistic
 * regression over hashed word and character n-grams) is the trainable sentiment model;
 * {@link dev.vigie.nlp.internal.linear.SparseSoftmax} (logistic regression over TF-IDF words and pre-trained
 * {@link dev.vigie.nlp.internal.linear.WordVectors}) is the theme classifier's; {@code DenseSoftmax} combines
 * sentiment signals. Nothing outside the {@code nlp} module imports it.
 */
package dev.vigie.nlp.internal.linear;
