package io.visutility.drift.internal;

import io.visutility.drift.DriftException;

/**
 * An exponentially weighted moving average with the sum of its squared weights, which is what
 * McDiarmid's bound needs; HDDM_W keeps several and copies them into each other instead of allocating.
 */
public final class Ewma {
    private boolean empty = true;
    private double mean;
    private double weights;

    /** Adds a value with weight {@code lambda}; the first value gets the whole weight. */
    public void add(double value, double lambda) {
        if (empty) {
            mean = value;
            weights = 1;
            empty = false;
        } else {
            double decay = 1.0 - lambda;
            mean = lambda * value + decay * mean;
            weights = lambda * lambda + decay * decay * weights;
        }
    }

    /** Whether no value was added since the last clear. */
    public boolean isEmpty() {
        return empty;
    }

    /** The weighted average. */
    public double mean() {
        return mean;
    }

    /** The sum of the squared weights of the values averaged. */
    public double weights() {
        return weights;
    }

    /** Forgets every value. */
    public void clear() {
        empty = true;
        mean = 0;
        weights = 0;
    }

    /** Becomes a copy of {@code other}. */
    public void copyFrom(Ewma other) {
        empty = other.empty;
        mean = other.mean;
        weights = other.weights;
    }

    /** Appends this average to a snapshot. */
    public void write(SnapshotWriter out) {
        out.writeBoolean(empty).writeDouble(mean).writeDouble(weights);
    }

    /** Reads an average written by {@link #write}. */
    public static Ewma read(SnapshotReader in) {
        Ewma e = new Ewma();
        e.empty = in.readBoolean();
        e.mean = in.readDouble();
        e.weights = in.readDouble();
        if (!e.empty && !(e.weights > 0 && Double.isFinite(e.mean))) {
            throw new DriftException("snapshot of hddm-w has a damaged moving average (weights " + e.weights + ")");
        }
        return e;
    }
}
