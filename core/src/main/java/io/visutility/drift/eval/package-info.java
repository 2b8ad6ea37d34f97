/**
 * Evaluation of drift detectors on seeded streams with a known change: recall, detection delay, false
 * alarms and alarms per drift, over many runs ({@link io.visutility.drift.eval.DetectorEvaluation}).
 */
package io.visutility.drift.eval;
