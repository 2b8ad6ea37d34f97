/**
 * Change detection: streaming detectors over a model's error stream ({@link io.visutility.drift.DriftDetector}
 * and its implementations) and distribution tests over its features.
 */
package io.visutility.drift;
