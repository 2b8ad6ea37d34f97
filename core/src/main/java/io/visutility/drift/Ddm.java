package io.visutility.drift;

import io.visutility.drift.internal.DetectorArguments;
import io.visutility.drift.internal.SnapshotReader;
import io.visutility.drift.internal.SnapshotWriter;

/**
 * The Drift Detection Method of Gama, Medas, Castillo and Rodrigues (2004): it tracks the error rate p and
 * its binomial deviation s = sqrt(p (1 - p) / n), remembers the point where p + s was lowest, and signals a
 * warning when p + s exceeds that minimum's p by {@code warningLevel} of its s, a drift when it exceeds it by
 * {@code outControlLevel}. Values are 1 for a wrong prediction and 0 for a right one; any value in [0, 1] is
 * accepted and read as an error probability, anything else is refused. On a drift it starts afresh.
 */
public final class Ddm implements DriftDetector {
    /** MOA's default number of values read before the detector may signal. */
    public static final int DEFAULT_MIN_INSTANCES = 30;
    /** MOA's default warning level, in deviations above the minimum. */
    public static final double DEFAULT_WARNING_LEVEL = 2.0;
    /** MOA's default drift (out-of-control) level, in deviations above the minimum. */
    public static final double DEFAULT_OUT_CONTROL_LEVEL = 3.0;

    private static final String NAME = "ddm";
    private static final int FORMAT = 1;

    private final int minInstances;
    private final double warningLevel;
    private final double outControlLevel;

    // n counts from 1 as in the paper's recurrence p_n = p_{n-1} + (x - p_{n-1}) / n, one ahead after a value.
    private long n;
    private double p;
    private double s;
    private double pMin;
    private double sMin;
    private double psMin;

    /** A detector with MOA's defaults: 30 values minimum, warning at 2 and drift at 3 deviations. */
    public Ddm() {
        this(DEFAULT_MIN_INSTANCES, DEFAULT_WARNING_LEVEL, DEFAULT_OUT_CONTROL_LEVEL);
    }

    /**
     * A detector that signals only after {@code minInstances} values, with a warning and a drift at the
     * given numbers of deviations above the lowest error rate seen.
     *
     * @throws DriftException when minInstances is below 1, a level is not finite and positive, or the
     *                        warning level exceeds the drift level
     */
    public Ddm(int minInstances, double warningLevel, double outControlLevel) {
        this.minInstances = DetectorArguments.atLeast("minInstances", minInstances, 1);
        this.warningLevel = DetectorArguments.positive("warningLevel", warningLevel);
        this.outControlLevel = DetectorArguments.positive("outControlLevel", outControlLevel);
        if (warningLevel > outControlLevel) {
            throw new DriftException("warningLevel must be <= outControlLevel (" + outControlLevel + "), was "
                    + warningLevel);
        }
        reset();
    }

    @Override
    public DriftState update(double value) {
        DetectorArguments.errorValue(NAME, value);
        p = p + (value - p) / n;
        s = Math.sqrt(p * (1 - p) / n);
        n++;
        if (n < minInstances) {
            return DriftState.STABLE;
        }
        double ps = p + s;
        if (ps <= psMin) {
            pMin = p;
            sMin = s;
            psMin = ps;
        }
        if (n > minInstances && ps > pMin + outControlLevel * sMin) {
            reset();
            return DriftState.DRIFT;
        }
        return ps > pMin + warningLevel * sMin ? DriftState.WARNING : DriftState.STABLE;
    }

    @Override
    public void reset() {
        n = 1;
        p = 1;
        s = 0;
        pMin = Double.MAX_VALUE;
        sMin = Double.MAX_VALUE;
        psMin = Double.MAX_VALUE;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public byte[] snapshot() {
        return new SnapshotWriter(NAME, FORMAT)
                .writeDouble(minInstances).writeDouble(warningLevel).writeDouble(outControlLevel)
                .writeLong(n).writeDouble(p).writeDouble(s)
                .writeDouble(pMin).writeDouble(sMin).writeDouble(psMin)
                .toByteArray();
    }

    @Override
    public void restore(byte[] snapshot) {
        SnapshotReader in = new SnapshotReader(snapshot, NAME, FORMAT);
        in.expectParameter("minInstances", minInstances);
        in.expectParameter("warningLevel", warningLevel);
        in.expectParameter("outControlLevel", outControlLevel);
        long n0 = in.readLong();
        double p0 = in.readDouble();
        double s0 = in.readDouble();
        double pMin0 = in.readDouble();
        double sMin0 = in.readDouble();
        double psMin0 = in.readDouble();
        in.end();
        if (n0 < 1) {
            throw new DriftException("snapshot of " + NAME + " has count n = " + n0 + ", expected >= 1");
        }
        n = n0;
        p = p0;
        s = s0;
        pMin = pMin0;
        sMin = sMin0;
        psMin = psMin0;
    }

    @Override
    public String toString() {
        return NAME + "(minInstances=" + minInstances + ", warningLevel=" + warningLevel
                + ", outControlLevel=" + outControlLevel + ")";
    }
}
