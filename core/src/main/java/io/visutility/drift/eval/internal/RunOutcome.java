package io.visutility.drift.eval.internal;

import io.visutility.drift.DriftDetector;
import io.visutility.drift.DriftState;

/**
 * What one detector did in one run: alarms before the change, the index of the first alarm at or after
 * it (-1 if none), and the number of alarms at or after it.
 */
public record RunOutcome(long falseAlarms, long firstDetection, long alarmsAfter) {

    /** Feeds {@code values} to {@code detector} and records its alarms against a change at {@code driftStart} (-1: none). */
    public static RunOutcome watch(DriftDetector detector, double[] values, long driftStart) {
        long before = 0;
        long after = 0;
        long first = -1;
        long stableEnd = driftStart < 0 ? values.length : driftStart;
        for (int i = 0; i < values.length; i++) {
            if (detector.update(values[i]) == DriftState.DRIFT) {
                if (i < stableEnd) {
                    before++;
                } else {
                    after++;
                    if (first < 0) {
                        first = i;
                    }
                }
            }
        }
        return new RunOutcome(before, first, after);
    }
}
