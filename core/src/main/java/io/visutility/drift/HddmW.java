package io.visutility.drift;

import io.visutility.drift.internal.DetectorArguments;
import io.visutility.drift.internal.SnapshotReader;
import io.visutility.drift.internal.SnapshotWriter;
import io.visutility.drift.internal.Ewma;

/**
 * HDDM_W (Fr&iacute;as-Blanco et al. 2015): like {@link HddmA}, but on exponentially weighted moving
 * averages (weight {@code lambda} on the newest value), with McDiarmid's bound for weighted sums. It keeps
 * the weighted average as it stood at its lowest point and a second one of the values since, and reports a
 * drift when the second exceeds the first by more than the bound at the drift confidence, a warning at the
 * warning confidence. Values must lie within [0, 1]. MOA's HDDM_W_Test is one-sided by default, so is the
 * no-argument constructor; two-sided also restarts on a significant decrease, without reporting it.
 */
public final class HddmW implements DriftDetector {
    private static final String NAME = "hddm-w";
    private static final int FORMAT = 1;

    private final double driftConfidence;
    private final double warningConfidence;
    private final double lambda;
    private final boolean twoSided;
    private final double logDrift;
    private final double logWarning;
    private final Ewma total;
    private final Ewma lowest = new Ewma();
    private final Ewma sinceLowest = new Ewma();
    private final Ewma highest = new Ewma();
    private final Ewma sinceHighest = new Ewma();
    private double increaseCut;
    private double decreaseCut;

    /** HDDM_W with MOA's defaults: drift confidence 0.001, warning confidence 0.005, lambda 0.05, one-sided. */
    public HddmW() {
        this(0.001, 0.005, 0.05, false);
    }

    /**
     * HDDM_W with confidences within (0, 1) (the warning one at least the drift one), weight
     * {@code lambda} within (0, 1], and whether a significant decrease also restarts it.
     */
    public HddmW(double driftConfidence, double warningConfidence, double lambda, boolean twoSided) {
        this.driftConfidence = confidence("driftConfidence", driftConfidence);
        this.warningConfidence = confidence("warningConfidence", warningConfidence);
        if (warningConfidence < driftConfidence) {
            throw new DriftException("warningConfidence must be >= driftConfidence (" + driftConfidence
                    + "), was " + warningConfidence);
        }
        if (!(lambda > 0 && lambda <= 1)) {
            throw new DriftException("lambda must be within (0, 1], was " + lambda);
        }
        this.lambda = lambda;
        this.twoSided = twoSided;
        this.logDrift = Math.log(1.0 / driftConfidence);
        this.logWarning = Math.log(1.0 / warningConfidence);
        this.total = new Ewma();
        restart();
    }

    static double confidence(String field, double value) {
        if (!(value > 0 && value < 1)) {
            throw new DriftException(field + " must be within (0, 1), was " + value);
        }
        return value;
    }

    @Override
    public DriftState update(double value) {
        DetectorArguments.errorValue(NAME, value);
        total.add(value, lambda);
        double bound = Math.sqrt(total.weights() * logDrift / 2);
        if (total.mean() + bound < increaseCut) {
            increaseCut = total.mean() + bound;
            lowest.copyFrom(total);
            sinceLowest.clear();
        } else {
            sinceLowest.add(value, lambda);
        }
        DriftState state;
        if (rises(lowest, sinceLowest, logDrift)) {
            restart();
            state = DriftState.DRIFT;
        } else if (rises(lowest, sinceLowest, logWarning)) {
            state = DriftState.WARNING;
        } else {
            state = DriftState.STABLE;
        }
        // After a drift the statistics are new, so this step watches for a decrease from the new start.
        bound = Math.sqrt(total.weights() * logDrift / 2);
        if (total.mean() - bound > decreaseCut) {
            decreaseCut = total.mean() - bound;
            highest.copyFrom(total);
            sinceHighest.clear();
        } else {
            sinceHighest.add(value, lambda);
        }
        if (twoSided && rises(sinceHighest, highest, logDrift)) {
            restart();
        }
        return state;
    }

    private static boolean rises(Ewma before, Ewma after, double logTerm) {
        if (before.isEmpty() || after.isEmpty()) {
            return false;
        }
        double squaredBound = (before.weights() + after.weights()) * logTerm / 2;
        double rise = after.mean() - before.mean();
        // Well below the bound (by a relative 1e-12 of its square, far more than rounding) needs no square root.
        if (rise <= 0 || rise * rise < squaredBound * (1 - 1e-12)) {
            return false;
        }
        return rise > Math.sqrt(squaredBound);
    }

    private void restart() {
        total.clear();
        lowest.clear();
        sinceLowest.clear();
        highest.clear();
        sinceHighest.clear();
        increaseCut = Double.MAX_VALUE;
        // MOA starts the decrease cut at Double.MIN_VALUE (the smallest positive double), not at -infinity;
        // kept so the reported indices are the same.
        decreaseCut = Double.MIN_VALUE;
    }

    /** The weighted moving average of the values since the last restart, -1 before any. */
    public double mean() {
        return total.isEmpty() ? -1.0 : total.mean();
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
        SnapshotWriter out = new SnapshotWriter(NAME, FORMAT)
                .writeDouble(driftConfidence).writeDouble(warningConfidence).writeDouble(lambda)
                .writeDouble(twoSided ? 1 : 0)
                .writeDouble(increaseCut).writeDouble(decreaseCut);
        for (Ewma e : new Ewma[] {total, lowest, sinceLowest, highest, sinceHighest}) {
            e.write(out);
        }
        return out.toByteArray();
    }

    @Override
    public void restore(byte[] snapshot) {
        SnapshotReader in = new SnapshotReader(snapshot, NAME, FORMAT);
        in.expectParameter("driftConfidence", driftConfidence);
        in.expectParameter("warningConfidence", warningConfidence);
        in.expectParameter("lambda", lambda);
        in.expectParameter("twoSided", twoSided ? 1 : 0);
        double rIncrease = in.readDouble();
        double rDecrease = in.readDouble();
        Ewma[] read = new Ewma[5];
        for (int i = 0; i < read.length; i++) {
            read[i] = Ewma.read(in);
        }
        in.end();
        increaseCut = rIncrease;
        decreaseCut = rDecrease;
        total.copyFrom(read[0]);
        lowest.copyFrom(read[1]);
        sinceLowest.copyFrom(read[2]);
        highest.copyFrom(read[3]);
        sinceHighest.copyFrom(read[4]);
    }
}
