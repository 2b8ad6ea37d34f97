package io.visutility.monitor.internal;

import io.visutility.drift.DriftDetector;
import io.visutility.drift.DriftState;
import io.visutility.drift.internal.SnapshotReader;
import io.visutility.drift.internal.SnapshotWriter;
import io.visutility.monitor.DetectorFactory;
import io.visutility.monitor.MonitorException;

import java.nio.charset.StandardCharsets;
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

    /** Writes each detector's name, last state and snapshot, and the count read. */
    void write(SnapshotWriter w) {
        w.writeInt(detectors.length).writeLong(fed);
        for (int i = 0; i < detectors.length; i++) {
            w.writeBytes(names[i].getBytes(StandardCharsets.UTF_8)).writeInt(last[i].ordinal())
                    .writeBytes(detectors[i].snapshot());
        }
    }

    /** Restores what {@link #write} wrote, into detectors of the same names and parameters. */
    void read(SnapshotReader r) {
        int n = r.readInt();
        if (n != detectors.length) {
            throw new MonitorException("snapshot holds " + n + " detectors, the policy has " + detectors.length);
        }
        long count = r.readLong();
        for (int i = 0; i < n; i++) {
            String name = new String(r.readBytes(), StandardCharsets.UTF_8);
            if (!name.equals(names[i])) {
                throw new MonitorException("snapshot holds detector " + name + " where the policy has " + names[i]);
            }
            int state = r.readInt();
            if (state < 0 || state >= DriftState.values().length) {
                throw new MonitorException("snapshot holds an unknown detector state " + state);
            }
            last[i] = DriftState.values()[state];
            detectors[i].restore(r.readBytes());
        }
        fed = count;
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
