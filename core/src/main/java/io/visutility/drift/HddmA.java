package io.visutility.drift;

import io.visutility.drift.internal.SnapshotReader;
import io.visutility.drift.internal.SnapshotWriter;

/**
 * HDDM_A (Fr&iacute;as-Blanco et al. 2015): compares the mean of all values since the last change with the
 * mean up to the point where it was lowest (plus its Hoeffding bound), and reports a drift when the
 * difference exceeds the Hoeffding bound at the drift confidence, a warning at the warning confidence.
 * Values must lie within [0, 1], as the bound assumes. Two-sided, as MOA's HDDM_A_Test by default, means a
 * significant decrease also restarts the statistics, without being reported: only a rising error rate is
 * a drift.
 */
public final class HddmA implements DriftDetector {
    private static final String NAME = "hddm-a";
    private static final int FORMAT = 1;

    private final double driftConfidence;
    private final double warningConfidence;
    private final boolean twoSided;
    private final double logDrift;
    private final double logDrift2;
    private final double logWarning2;
    private long nMin;
    private double cMin;
    private long nMax;
    private double cMax;
    private long n;
    private double c;

    /** HDDM_A with MOA's defaults: drift confidence 0.001, warning confidence 0.005, two-sided. */
    public HddmA() {
        this(0.001, 0.005, true);
    }

    /**
     * HDDM_A with the given confidences, both within (0, 1) and the warning one at least the drift one;
     * {@code twoSided} also restarts on a significant decrease.
     */
    public HddmA(double driftConfidence, double warningConfidence, boolean twoSided) {
        this.driftConfidence = HddmW.confidence("driftConfidence", driftConfidence);
        this.warningConfidence = HddmW.confidence("warningConfidence", warningConfidence);
        if (warningConfidence < driftConfidence) {
            throw new DriftException("warningConfidence must be >= driftConfidence (" + driftConfidence
                    + "), was " + warningConfidence);
        }
        this.twoSided = twoSided;
        this.logDrift = Math.log(1.0 / driftConfidence);
        this.logDrift2 = Math.log(2.0 / driftConfidence);
        this.logWarning2 = Math.log(2.0 / warningConfidence);
    }

    @Override
    public DriftState update(double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new DriftException("value must be within [0, 1], was " + value);
        }
        n++;
        c += value;
        if (nMin == 0) {
            nMin = n;
            cMin = c;
        }
        if (nMax == 0) {
            nMax = n;
            cMax = c;
        }
        double boundNow = Math.sqrt(1.0 / (2 * n) * logDrift);
        if (cMin / nMin + Math.sqrt(1.0 / (2 * nMin) * logDrift) >= c / n + boundNow) {
            cMin = c;
            nMin = n;
        }
        if (cMax / nMax - Math.sqrt(1.0 / (2 * nMax) * logDrift) <= c / n - boundNow) {
            cMax = c;
            nMax = n;
        }
        DriftState state;
        if (differs(cMin, nMin, c, n, logDrift2)) {
            restart();
            state = DriftState.DRIFT;
        } else if (differs(cMin, nMin, c, n, logWarning2)) {
            state = DriftState.WARNING;
        } else {
            state = DriftState.STABLE;
        }
        if (twoSided && differs(c, n, cMax, nMax, logDrift2)) {
            restart();
        }
        return state;
    }

    /**
     * Whether the mean of the later prefix exceeds the earlier one's by more than the Hoeffding bound for
     * two means over {@code nEarly} and {@code nLate} values; {@code logTerm} is ln(2 / confidence).
     */
    private static boolean differs(double cLow, long nLow, double cHigh, long nHigh, double logTerm) {
        long nEarly = Math.min(nLow, nHigh);
        long nLate = Math.max(nLow, nHigh);
        if (nEarly == nLate) {
            return false;
        }
        double m = (double) (nLate - nEarly) / nEarly * (1.0 / nLate);
        double bound = Math.sqrt(m / 2 * logTerm);
        return cHigh / nHigh - cLow / nLow >= bound;
    }

    private void restart() {
        nMin = 0;
        nMax = 0;
        n = 0;
        cMin = 0;
        cMax = 0;
        c = 0;
    }

    /** The number of values read since the last restart. */
    public long count() {
        return n;
    }

    /** The mean of the values read since the last restart, 0 before any. */
    public double mean() {
        return n > 0 ? c / n : 0.0;
    }

    @Override
    public void reset() {
        restart();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public byte[] snapshot() {
        return new SnapshotWriter(NAME, FORMAT)
                .writeDouble(driftConfidence).writeDouble(warningConfidence).writeDouble(twoSided ? 1 : 0)
                .writeLong(nMin).writeDouble(cMin).writeLong(nMax).writeDouble(cMax).writeLong(n).writeDouble(c)
                .toByteArray();
    }

    @Override
    public void restore(byte[] snapshot) {
        SnapshotReader in = new SnapshotReader(snapshot, NAME, FORMAT);
        in.expectParameter("driftConfidence", driftConfidence);
        in.expectParameter("warningConfidence", warningConfidence);
        in.expectParameter("twoSided", twoSided ? 1 : 0);
        long rNMin = in.readLong();
        double rCMin = in.readDouble();
        long rNMax = in.readLong();
        double rCMax = in.readDouble();
        long rN = in.readLong();
        double rC = in.readDouble();
        in.end();
        if (rN < 0 || rNMin < 0 || rNMax < 0 || rNMin > rN || rNMax > rN) {
            throw new DriftException("snapshot of " + NAME + " has inconsistent counts " + rNMin + ", " + rNMax
                    + ", " + rN);
        }
        nMin = rNMin;
        cMin = rCMin;
        nMax = rNMax;
        cMax = rCMax;
        n = rN;
        c = rC;
    }
}
