package io.visutility.drift.stream;

import io.visutility.drift.DriftException;
import java.util.SplittableRandom;

/**
 * A model's error stream in its simplest form: each value is 1 (a wrong prediction) with probability p and
 * 0 otherwise. The error rate can change abruptly at a position, or gradually over a width centred on it
 * (the sigmoid mix of MOA's concept-drift streams: at index i the new rate applies with probability
 * 1 / (1 + e^(-4 (i - position) / width))). Seeded: the same arguments give the same values.
 */
public final class BernoulliStream {
    private final double before;
    private final double after;
    private final long position;
    private final long width;
    private final SplittableRandom random;
    private long index;

    private BernoulliStream(double before, double after, long position, long width, long seed) {
        this.before = rate("before", before);
        this.after = rate("after", after);
        if (position < 0) {
            throw new DriftException("position must be >= 0, was " + position);
        }
        if (width < 0) {
            throw new DriftException("width must be >= 0, was " + width);
        }
        this.position = position;
        this.width = width;
        this.random = new SplittableRandom(seed);
    }

    /** A stream whose error rate is always {@code p}. */
    public static BernoulliStream stationary(double p, long seed) {
        return new BernoulliStream(p, p, Long.MAX_VALUE >>> 1, 0, seed);
    }

    /** A stream whose error rate is {@code before} until {@code position} and {@code after} from there on. */
    public static BernoulliStream abrupt(double before, double after, long position, long seed) {
        return new BernoulliStream(before, after, position, 0, seed);
    }

    /** A stream whose error rate moves from {@code before} to {@code after} over {@code width} values around {@code position}. */
    public static BernoulliStream gradual(double before, double after, long position, long width, long seed) {
        return new BernoulliStream(before, after, position, width, seed);
    }

    /** The probability that the value at {@code i} comes from the new rate. */
    public double newConceptShare(long i) {
        if (width == 0) {
            return i >= position ? 1.0 : 0.0;
        }
        return 1.0 / (1.0 + Math.exp(-4.0 * (i - position) / (double) width));
    }

    /** The next value, 1.0 or 0.0. */
    public double next() {
        long i = index++;
        double share = newConceptShare(i);
        boolean fromNew = share >= 1.0 || (share > 0.0 && random.nextDouble() < share);
        double p = fromNew ? after : before;
        return random.nextDouble() < p ? 1.0 : 0.0;
    }

    /** The index of the value {@link #next()} returns next. */
    public long index() {
        return index;
    }

    /** The next {@code n} values. */
    public double[] take(int n) {
        if (n < 0) {
            throw new DriftException("n must be >= 0, was " + n);
        }
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = next();
        }
        return values;
    }

    private static double rate(String field, double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new DriftException(field + " must be a probability within [0, 1], was " + p);
        }
        return p;
    }
}
