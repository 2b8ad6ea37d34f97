/** Seeded synthetic streams with known drift points, for testing and evaluating detectors. */
package io.visutility.drift.stream;
