package io.visutility.drift;

import io.visutility.drift.internal.AdwinBuckets;
import io.visutility.drift.internal.DetectorArguments;
import io.visutility.drift.internal.SnapshotReader;
import io.visutility.drift.internal.SnapshotWriter;

/**
 * ADWIN (Bifet &amp; Gavald&agrave; 2007), the exponential-histogram variant ADWIN2: an adaptive window whose
 * values are kept in buckets of 2^i values, at most {@code maxBuckets} per size, and which drops its older
 * part whenever two sub-windows' means differ by more than the epsilon-cut at confidence
 * delta' = delta / ln(n). Cuts are checked every {@code clock} values. As in MOA's change detector, a
 * shrink is reported as {@link DriftState#DRIFT} only when it raised the mean (the error rate went up);
 * ADWIN has no warning level. Accepts any finite value; for error streams these are 0 and 1.
 */
public final class Adwin implements DriftDetector {
    private static final String NAME = "adwin";
    private static final int FORMAT = 1;
    /** Neither sub-window of a cut may hold fewer values (plus one) than this. */
    private static final int MIN_SUB_WINDOW = 5;
    /** No cut is checked while the window holds this many values or fewer. */
    private static final int MIN_WIDTH = 10;

    private final double delta;
    private final int clock;
    private final int maxBuckets;
    private final AdwinBuckets buckets;
    private long time;

    /** ADWIN with MOA's defaults: delta 0.002, a cut check every 32 values, at most 5 buckets per size. */
    public Adwin() {
        this(0.002, 32, 5);
    }

    /**
     * ADWIN with confidence {@code delta} in (0, 1), a cut check every {@code clock} >= 1 values and at most
     * {@code maxBuckets} >= 2 buckets of each size.
     */
    public Adwin(double delta, int clock, int maxBuckets) {
        if (!(delta > 0 && delta < 1)) {
            throw new DriftException("delta must be within (0, 1), was " + delta);
        }
        if (clock < 1) {
            throw new DriftException("clock must be >= 1, was " + clock);
        }
        if (maxBuckets < 2 || maxBuckets > 1024) {
            throw new DriftException("maxBuckets must be within [2, 1024], was " + maxBuckets);
        }
        this.delta = delta;
        this.clock = clock;
        this.maxBuckets = maxBuckets;
        this.buckets = new AdwinBuckets(maxBuckets);
    }

    @Override
    public DriftState update(double value) {
        DetectorArguments.finiteValue(NAME, value);
        double before = buckets.mean();
        time++;
        buckets.add(value);
        if (time % clock == 0 && buckets.width() > MIN_WIDTH && buckets.cut(delta, MIN_SUB_WINDOW)) {
            return buckets.mean() > before ? DriftState.DRIFT : DriftState.STABLE;
        }
        return DriftState.STABLE;
    }

    /** The number of values in the current window. */
    public long width() {
        return buckets.width();
    }

    /** The mean of the current window, 0 when it is empty. */
    public double mean() {
        return buckets.mean();
    }

    /** The (population) variance of the current window, 0 when it is empty. */
    public double variance() {
        return buckets.variance();
    }

    /** The number of buckets holding the window: at most {@code maxBuckets + 1} per bucket size. */
    public int buckets() {
        return buckets.count();
    }

    @Override
    public void reset() {
        buckets.clear();
        time = 0;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public byte[] snapshot() {
        SnapshotWriter out = new SnapshotWriter(NAME, FORMAT)
                .writeDouble(delta).writeDouble(clock).writeDouble(maxBuckets)
                .writeLong(time);
        buckets.write(out);
        return out.toByteArray();
    }

    @Override
    public void restore(byte[] snapshot) {
        SnapshotReader in = new SnapshotReader(snapshot, NAME, FORMAT);
        in.expectParameter("delta", delta);
        in.expectParameter("clock", clock);
        in.expectParameter("maxBuckets", maxBuckets);
        long readTime = in.readLong();
        if (readTime < 0) {
            throw new DriftException("snapshot of " + NAME + " has a negative time " + readTime);
        }
        AdwinBuckets read = AdwinBuckets.read(in, maxBuckets);
        in.end();
        buckets.copyFrom(read);
        time = readTime;
    }
}
