/**
 * The machinery behind {@link io.visutility.training.ProcessTrainer}: working folders, the strict JSON
 * codec of its contract, running and stopping the user's program, and reading what it wrote.
 * Unsupported: may change without notice; use {@link io.visutility.training}.
 */
package io.visutility.training.internal;
