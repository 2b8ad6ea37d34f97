/** Implementation of the event bus. Unsupported: may change without notice; use {@link io.visutility.bus}. */
package io.visutility.bus.internal;
