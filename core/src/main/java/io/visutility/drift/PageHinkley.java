package io.visutility.drift;

import io.visutility.drift.internal.DetectorArguments;
import io.visutility.drift.internal.SnapshotReader;
import io.visutility.drift.internal.SnapshotWriter;

/**
 * The Page-Hinkley test (Page 1954, in the fading form of Mouss et al. 2004): it sums how far each value lies
 * above the running mean by more than {@code delta}, fading the sum by {@code alpha} at each value, and
 * signals a drift when the sum exceeds {@code lambda}. It detects an increase of the mean (of an error
 * rate, say); it has no warning level. Any finite value is accepted; on a drift it starts afresh.
 */
public final class PageHinkley implements DriftDetector {
    /** MOA's default number of values read before the detector may signal. */
    public static final int DEFAULT_MIN_INSTANCES = 30;
    /** MOA's default magnitude of change that is tolerated. */
    public static final double DEFAULT_DELTA = 0.005;
    /** MOA's default threshold on the cumulative sum. */
    public static final double DEFAULT_LAMBDA = 50;
    /** MOA's default fading factor of the cumulative sum. */
    public static final double DEFAULT_ALPHA = 1 - 0.0001;

    private static final String NAME = "page-hinkley";
    private static final int FORMAT = 1;

    private final int minInstances;
    private final double delta;
    private final double lambda;
    private final double alpha;

    // n counts from 1 so the running mean is the plain recurrence mean + (x - mean) / n.
    private long n;
    private double mean;
    private double sum;

    /** A detector with MOA's defaults: 30 values minimum, delta 0.005, lambda 50, alpha 1 - 1e-4. */
    public PageHinkley() {
        this(DEFAULT_MIN_INSTANCES, DEFAULT_DELTA, DEFAULT_LAMBDA, DEFAULT_ALPHA);
    }

    /**
     * A detector that signals only after {@code minInstances} values, tolerating changes of {@code delta},
     * with threshold {@code lambda} and fading factor {@code alpha}.
     *
     * @throws DriftException when minInstances is below 1, delta is negative or not finite, lambda is not
     *                        finite and positive, or alpha is not within (0, 1]
     */
    public PageHinkley(int minInstances, double delta, double lambda, double alpha) {
        this.minInstances = DetectorArguments.atLeast("minInstances", minInstances, 1);
        this.delta = DetectorArguments.notNegative("delta", delta);
        this.lambda = DetectorArguments.positive("lambda", lambda);
        this.alpha = DetectorArguments.fraction("alpha", alpha);
        reset();
    }

    @Override
    public DriftState update(double value) {
        DetectorArguments.finiteValue(NAME, value);
        mean = mean + (value - mean) / n;
        sum = alpha * sum + (value - mean - delta);
        n++;
        if (n >= minInstances && sum > lambda) {
            reset();
            return DriftState.DRIFT;
        }
        return DriftState.STABLE;
    }

    @Override
    public void reset() {
        n = 1;
        mean = 0;
        sum = 0;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public byte[] snapshot() {
        return new SnapshotWriter(NAME, FORMAT)
                .writeDouble(minInstances).writeDouble(delta).writeDouble(lambda).writeDouble(alpha)
                .writeLong(n).writeDouble(mean).writeDouble(sum)
                .toByteArray();
    }

    @Override
    public void restore(byte[] snapshot) {
        SnapshotReader in = new SnapshotReader(snapshot, NAME, FORMAT);
        in.expectParameter("minInstances", minInstances);
        in.expectParameter("delta", delta);
        in.expectParameter("lambda", lambda);
        in.expectParameter("alpha", alpha);
        long n0 = in.readLong();
        double mean0 = in.readDouble();
        double sum0 = in.readDouble();
        in.end();
        if (n0 < 1) {
            throw new DriftException("snapshot of " + NAME + " has count n = " + n0 + ", expected >= 1");
        }
        n = n0;
        mean = mean0;
        sum = sum0;
    }

    @Override
    public String toString() {
        return NAME + "(minInstances=" + minInstances + ", delta=" + delta + ", lambda=" + lambda
                + ", alpha=" + alpha + ")";
    }
}
