package io.visutility.drift;

import io.visutility.drift.internal.DetectorArguments;
import io.visutility.drift.internal.SnapshotReader;
import io.visutility.drift.internal.SnapshotWriter;

/**
 * The Early Drift Detection Method of Baena-Garcia et al. (2006): it watches the distance between
 * consecutive errors, keeps the highest mean distance plus two deviations (m'max), and compares the current
 * one with it: below {@code warningRatio} of the peak is a warning, below {@code driftRatio} a drift. Values
 * must be exactly 1 (a wrong prediction) or 0 (a right one), as a distance between errors needs errors;
 * anything else is refused. It decides only on errors, so between two errors the last state holds; it neither
 * records a peak before {@code minErrors} values nor signals before more than {@code minErrors} errors.
 */
public final class Eddm implements DriftDetector {
    /** MOA's default minimum, in values read and in errors counted. */
    public static final int DEFAULT_MIN_ERRORS = 30;
    /** MOA's default warning ratio (alpha). */
    public static final double DEFAULT_WARNING_RATIO = 0.95;
    /** MOA's default drift ratio (beta). */
    public static final double DEFAULT_DRIFT_RATIO = 0.90;

    private static final String NAME = "eddm";
    private static final int FORMAT = 1;

    private final int minErrors;
    private final double warningRatio;
    private final double driftRatio;

    // position counts values from 1 and is advanced before a value is read, so the first value is at 2.
    private long position;
    private long errors;
    private long lastError;
    private double mean;
    private double squares;
    private double peak;
    private boolean warning;

    /** A detector with MOA's defaults: 30 errors minimum, warning below 0.95 and drift below 0.90 of the peak. */
    public Eddm() {
        this(DEFAULT_MIN_ERRORS, DEFAULT_WARNING_RATIO, DEFAULT_DRIFT_RATIO);
    }

    /**
     * A detector with the given minimum and ratios of the peak mean distance plus two deviations.
     *
     * @throws DriftException when minErrors is below 1, a ratio is not within (0, 1], or the drift ratio
     *                        exceeds the warning ratio
     */
    public Eddm(int minErrors, double warningRatio, double driftRatio) {
        this.minErrors = DetectorArguments.atLeast("minErrors", minErrors, 1);
        this.warningRatio = DetectorArguments.fraction("warningRatio", warningRatio);
        this.driftRatio = DetectorArguments.fraction("driftRatio", driftRatio);
        if (driftRatio > warningRatio) {
            throw new DriftException("driftRatio must be <= warningRatio (" + warningRatio + "), was " + driftRatio);
        }
        reset();
    }

    @Override
    public DriftState update(double value) {
        if (value != 0.0 && value != 1.0) {
            throw new DriftException("value given to " + NAME + " must be 0 or 1 (an error indicator), was " + value);
        }
        position++;
        if (value == 0.0) {
            return warning ? DriftState.WARNING : DriftState.STABLE;
        }
        warning = false;
        errors++;
        long distance = position - 1 - lastError;
        lastError = position - 1;
        double previousMean = mean;
        mean = mean + (distance - mean) / errors;
        squares = squares + (distance - mean) * (distance - previousMean);
        double meanPlusTwoSd = mean + 2 * Math.sqrt(squares / errors);
        if (position <= minErrors) {
            return DriftState.STABLE;
        }
        if (meanPlusTwoSd > peak) {
            peak = meanPlusTwoSd;
            return DriftState.STABLE;
        }
        double ratio = meanPlusTwoSd / peak;
        if (errors > minErrors && ratio < driftRatio) {
            reset();
            return DriftState.DRIFT;
        }
        warning = errors > minErrors && ratio < warningRatio;
        return warning ? DriftState.WARNING : DriftState.STABLE;
    }

    @Override
    public void reset() {
        position = 1;
        errors = 0;
        lastError = 0;
        mean = 0;
        squares = 0;
        peak = 0;
        warning = false;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public byte[] snapshot() {
        return new SnapshotWriter(NAME, FORMAT)
                .writeDouble(minErrors).writeDouble(warningRatio).writeDouble(driftRatio)
                .writeLong(position).writeLong(errors).writeLong(lastError)
                .writeDouble(mean).writeDouble(squares).writeDouble(peak).writeBoolean(warning)
                .toByteArray();
    }

    @Override
    public void restore(byte[] snapshot) {
        SnapshotReader in = new SnapshotReader(snapshot, NAME, FORMAT);
        in.expectParameter("minErrors", minErrors);
        in.expectParameter("warningRatio", warningRatio);
        in.expectParameter("driftRatio", driftRatio);
        long position0 = in.readLong();
        long errors0 = in.readLong();
        long lastError0 = in.readLong();
        double mean0 = in.readDouble();
        double squares0 = in.readDouble();
        double peak0 = in.readDouble();
        boolean warning0 = in.readBoolean();
        in.end();
        if (position0 < 1 || errors0 < 0 || lastError0 < 0 || lastError0 >= position0) {
            throw new DriftException("snapshot of " + NAME + " has inconsistent counts: position " + position0
                    + ", errors " + errors0 + ", last error " + lastError0);
        }
        position = position0;
        errors = errors0;
        lastError = lastError0;
        mean = mean0;
        squares = squares0;
        peak = peak0;
        warning = warning0;
    }

    @Override
    public String toString() {
        return NAME + "(minErrors=" + minErrors + ", warningRatio=" + warningRatio + ", driftRatio=" + driftRatio + ")";
    }
}
