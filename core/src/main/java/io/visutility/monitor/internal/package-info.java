/** Implementation of the monitor. Unsupported: may change without notice; use {@link io.visutility.monitor}. */
package io.visutility.monitor.internal;
