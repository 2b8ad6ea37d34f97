package io.visutility.monitor.internal;

import io.visutility.drift.DriftDetector;
import io.visutility.drift.DriftState;
import io.visutility.monitor.DetectorFactory;
import java.util.List;

/**
 * One model's error-stream detectors and where each stands, so a warning is reported once per episode: an
 * episode starts when a detector says WARNING after anything else and lasts while it keeps saying so.
 */
final class DetectorBank {
    private final DriftDetector[] detectors;
    private final String[] names;
    private final DriftState[] last;
    private long fed;

    DetectorBank(List<DetectorFactory> factories) {
        int n = factories.size();
        detectors = new DriftDetector[n];
        names = new String[n];
        last = new DriftState[n];
        for (int i = 0; i < n; i++) {
            detectors[i] = factories.get(i).create();
            names[i] = factories.get(i).name();
            last[i] = DriftState.STABLE;
        }
    }

    int size() {
        return detectors.length;
    }

    /** Feeds {@code error} (1 wrong, 0 right) to detector {@code i}; returns its state, WARNING only when new. */
    DriftState update(int i, double error) {
        DriftState state = detectors[i].update(error);
        DriftState before = last[i];
        last[i] = state;
        if (state == DriftState.WARNING && before == DriftState.WARNING) {
            return DriftState.STABLE;
        }
        return state;
    }

    /** Counts one labelled prediction read by every detector. */
    void fed() {
        fed++;
    }

    /** Labelled predictions read since the detectors were made or last reset. */
    long count() {
        return fed;
    }

    String name(int i) {
        return names[i];
    }

    /** Resets every detector, as after a promotion. */
    void reset() {
        for (int i = 0; i < detectors.length; i++) {
            detectors[i].reset();
            last[i] = DriftState.STABLE;
        }
        fed = 0;
    }
}
