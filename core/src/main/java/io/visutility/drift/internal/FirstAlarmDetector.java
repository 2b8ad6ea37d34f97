package io.visutility.drift.internal;

import io.visutility.drift.DriftDetector;
import io.visutility.drift.DriftException;
import io.visutility.drift.DriftState;
import java.util.List;

/**
 * Several detectors reading the same values: a drift when any of them signals one, after which all of
 * them start afresh, and further alarms within {@code holdOff} values are taken as the same drift.
 * A warning from any part is a warning.
 */
public final class FirstAlarmDetector implements DriftDetector {
    private static final int FORMAT = 1;

    private final String name;
    private final List<DriftDetector> parts;
    private final long holdOff;
    // values read since the last reported drift; starts past the hold-off so the first alarm counts
    private long sinceDrift;

    /** A detector named {@code name} over {@code parts} (fresh, each used by this detector only). */
    public FirstAlarmDetector(String name, List<DriftDetector> parts, long holdOff) {
        if (parts.isEmpty()) {
            throw new DriftException("parts of " + name + " must not be empty");
        }
        if (holdOff < 0) {
            throw new DriftException("holdOff must be >= 0, was " + holdOff);
        }
        this.name = name;
        this.parts = List.copyOf(parts);
        this.holdOff = holdOff;
        this.sinceDrift = holdOff;
    }

    @Override
    public DriftState update(double value) {
        DriftState combined = DriftState.STABLE;
        for (DriftDetector part : parts) {
            DriftState s = part.update(value);
            if (s.compareTo(combined) > 0) {
                combined = s;
            }
        }
        if (sinceDrift < holdOff) {
            sinceDrift++;
        }
        if (combined != DriftState.DRIFT) {
            return combined;
        }
        // a part that did not fire still describes the old distribution in part: every part starts afresh
        for (DriftDetector part : parts) {
            part.reset();
        }
        if (sinceDrift < holdOff) {
            return DriftState.STABLE;
        }
        sinceDrift = 0;
        return DriftState.DRIFT;
    }

    @Override
    public void reset() {
        parts.forEach(DriftDetector::reset);
        sinceDrift = holdOff;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public byte[] snapshot() {
        SnapshotWriter out = new SnapshotWriter(name, FORMAT).writeDouble(holdOff).writeInt(parts.size());
        for (DriftDetector part : parts) {
            out.writeBytes(part.snapshot());
        }
        return out.writeLong(sinceDrift).toByteArray();
    }

    @Override
    public void restore(byte[] snapshot) {
        SnapshotReader in = new SnapshotReader(snapshot, name, FORMAT);
        in.expectParameter("holdOff", holdOff);
        int count = in.readInt();
        if (count != parts.size()) {
            throw new DriftException("snapshot of " + name + " has " + count + " parts, expected " + parts.size());
        }
        byte[][] states = new byte[count][];
        for (int i = 0; i < count; i++) {
            states[i] = in.readBytes();
        }
        long since = in.readLong();
        in.end();
        if (since < 0 || since > holdOff) {
            throw new DriftException("snapshot of " + name + " has sinceDrift = " + since + ", expected within [0, " + holdOff + "]");
        }
        // restore into copies first, so a part refusing its bytes leaves every part as it was
        byte[][] previous = new byte[count][];
        for (int i = 0; i < count; i++) {
            previous[i] = parts.get(i).snapshot();
        }
        int restored = 0;
        try {
            for (; restored < count; restored++) {
                parts.get(restored).restore(states[restored]);
            }
        } catch (DriftException e) {
            for (int i = 0; i < restored; i++) {
                parts.get(i).restore(previous[i]);
            }
            throw e;
        }
        sinceDrift = since;
    }

    @Override
    public String toString() {
        return name + parts + "(holdOff=" + holdOff + ")";
    }
}
