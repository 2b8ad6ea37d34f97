/** Implementations of the event log port. Unsupported: may change without notice; use {@link io.visutility.event}. */
package io.visutility.event.internal;
