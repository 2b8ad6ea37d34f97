/**
 * Test fixtures shared by every module's tests (core's test-jar): a hand-moved clock and a timer driven
 * by it, an executor that holds its tasks, a recording observer, a small real trainer, and a whole
 * deterministic retrain loop.
 */
package io.visutility.testing;
