/** Generators behind {@link io.visutility.drift.stream.RowStreams}. Unsupported: may change without notice. */
package io.visutility.drift.stream.internal;
