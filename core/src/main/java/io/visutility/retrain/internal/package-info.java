/** Implementations of the retrain ports. Unsupported: may change without notice; use {@link io.visutility.retrain}. */
package io.visutility.retrain.internal;
