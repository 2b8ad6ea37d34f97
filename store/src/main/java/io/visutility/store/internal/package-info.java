/**
 * Implementation of the store. Unsupported: anything here may change or disappear without notice; use
 * {@link io.visutility.store.Store} instead.
 */
package io.visutility.store.internal;
