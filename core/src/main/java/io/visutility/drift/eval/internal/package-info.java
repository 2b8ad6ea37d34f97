/** Helpers of {@link io.visutility.drift.eval}. Unsupported: may change without notice. */
package io.visutility.drift.eval.internal;
