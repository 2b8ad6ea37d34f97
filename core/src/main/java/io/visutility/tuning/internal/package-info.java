/** Estimators behind the model-based tuners. Unsupported: may change without notice; use {@link io.visutility.tuning}. */
package io.visutility.tuning.internal;
