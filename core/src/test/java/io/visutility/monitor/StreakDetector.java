package io.visutility.monitor;

import io.visutility.drift.DriftDetector;
import io.visutility.drift.DriftException;
import io.visutility.drift.DriftState;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * A detector for tests with an outcome easy to predict: WARNING after {@code warnAt} errors in a row, DRIFT
 * (and a fresh start) after {@code driftAt}. It records every value it reads and how often it was reset.
 */
final class StreakDetector implements DriftDetector {
    private final int warnAt;
    private final int driftAt;
    final List<Double> read = new ArrayList<>();
    int resets;
    private int streak;

    StreakDetector(int warnAt, int driftAt) {
        this.warnAt = warnAt;
        this.driftAt = driftAt;
    }

    @Override
    public DriftState update(double value) {
        if (value != 0.0 && value != 1.0) {
            throw new DriftException("value must be 0 or 1, was " + value);
        }
        read.add(value);
        streak = value == 1.0 ? streak + 1 : 0;
        if (streak >= driftAt) {
            streak = 0;
            return DriftState.DRIFT;
        }
        return streak >= warnAt ? DriftState.WARNING : DriftState.STABLE;
    }

    @Override
    public void reset() {
        resets++;
        streak = 0;
    }

    @Override
    public String name() {
        return "streak";
    }

    @Override
    public byte[] snapshot() {
        return ByteBuffer.allocate(12).putInt(warnAt).putInt(driftAt).putInt(streak).array();
    }

    @Override
    public void restore(byte[] snapshot) {
        ByteBuffer b = ByteBuffer.wrap(snapshot);
        if (snapshot.length != 12 || b.getInt() != warnAt || b.getInt() != driftAt) {
            throw new DriftException("not a snapshot of this streak detector");
        }
        streak = b.getInt();
    }
}
