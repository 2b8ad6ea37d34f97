/** Helpers of the drift detectors. Unsupported: may change without notice; use {@link io.visutility.drift}. */
package io.visutility.drift.internal;
