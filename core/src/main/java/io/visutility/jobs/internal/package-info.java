/** Implementations of the job ports. Unsupported: may change without notice; use {@link io.visutility.jobs}. */
package io.visutility.jobs.internal;
