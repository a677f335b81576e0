/**
 * Internal: small linear models and their features. {@link dev.vigie.nlp.internal.linear.SparseSoftmax} is a compact
 * multinomial logistic regression over sparse features, the learner under the trainable sentiment model
 * ({@link dev.vigie.nlp.internal.linear.LinearModel}, hashed word and character n-grams) and the English sentiment
 * model, with {@link dev.vigie.nlp.internal.linear.OffsetTuning} choosing decision offsets for macro-F1;
 * {@link dev.vigie.nlp.internal.linear.TfidfClassifier} (logistic regression over TF-IDF words and pre-trained
 * {@link dev.vigie.nlp.internal.linear.WordVectors}) is the theme classifier's. Nothing outside the {@code nlp}
 * module imports it.
 */
package dev.vigie.nlp.internal.linear;
