package io.visutility.drift;

import io.visutility.drift.internal.DetectorArguments;
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
    private long minBoundCount;
    private double minBound;
    private long maxBoundCount;
    private double maxBound;

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
        DetectorArguments.errorValue(NAME, value);
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
        if (cMin / nMin + minBound() >= c / n + boundNow) {
            cMin = c;
            nMin = n;
        }
        if (cMax / nMax - maxBound() <= c / n - boundNow) {
            cMax = c;
            nMax = n;
        }
        DriftState state;
        if (nMin != n) {
            double m = (double) (n - nMin) / nMin * (1.0 / n);
            double rise = c / n - cMin / nMin;
            if (atLeast(rise, m / 2 * logDrift2)) {
                restart();
                state = DriftState.DRIFT;
            } else {
                state = atLeast(rise, m / 2 * logWarning2) ? DriftState.WARNING : DriftState.STABLE;
            }
        } else {
            state = DriftState.STABLE;
        }
        if (twoSided && nMax != n) {
            double m = (double) (n - nMax) / nMax * (1.0 / n);
            if (atLeast(cMax / nMax - c / n, m / 2 * logDrift2)) {
                restart();
            }
        }
        return state;
    }

    // The Hoeffding bounds of the means at the lowest and highest points, cached: those points move rarely.
    private double minBound() {
        if (nMin != minBoundCount) {
            minBoundCount = nMin;
            minBound = Math.sqrt(1.0 / (2 * nMin) * logDrift);
        }
        return minBound;
    }

    private double maxBound() {
        if (nMax != maxBoundCount) {
            maxBoundCount = nMax;
            maxBound = Math.sqrt(1.0 / (2 * nMax) * logDrift);
        }
        return maxBound;
    }

    /**
     * Whether {@code difference >= sqrt(squaredBound)}. The square root is taken only near the bound: below
     * it by a relative 1e-12 of the square, far more than rounding, the answer is no without it.
     */
    private static boolean atLeast(double difference, double squaredBound) {
        if (difference < 0 || difference * difference < squaredBound * (1 - 1e-12)) {
            return false;
        }
        return difference >= Math.sqrt(squaredBound);
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
