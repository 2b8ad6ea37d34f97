/** Retrain jobs: an explicit state machine, a single-flight queue and a scheduler with retries and timeouts. */
package io.visutility.jobs;
