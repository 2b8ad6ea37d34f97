/** Implementations of the registry ports. Unsupported: may change without notice; use {@link io.visutility.registry}. */
package io.visutility.registry.internal;
