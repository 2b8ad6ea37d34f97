package io.visutility.drift;

import io.visutility.drift.internal.DetectorArguments;
import io.visutility.drift.internal.SnapshotReader;
import io.visutility.drift.internal.SnapshotWriter;
import org.hipparchus.stat.inference.KolmogorovSmirnovTest;

/**
 * KSWIN (Raab, Heusinger &amp; Schleif 2020), following the paper (MOA has no KSWIN to compare with): a
 * sliding window of the last {@code windowSize} values; once it is full, every value compares the newest
 * {@code statSize} values with {@code statSize} values drawn uniformly, without replacement, from the rest
 * of the window by a two-sample Kolmogorov-Smirnov test, and reports a drift when the p-value is at most
 * {@code alpha}; the window then keeps only the newest {@code statSize} values. The draw is seeded, so the
 * same values give the same drifts. There is no warning level. Accepts any finite value.
 */
public final class Kswin implements DriftDetector {
    private static final String NAME = "kswin";
    private static final int FORMAT = 1;
    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

    private final double alpha;
    private final int windowSize;
    private final int statSize;
    private final long seed;
    private final KolmogorovSmirnovTest test;
    /** P(D >= k / statSize) for two samples of statSize values, by k: the statistic only takes these values. */
    private final double[] pValueByCount;
    private final double[] window;
    private final double[] recent;
    private final double[] drawn;
    private final int[] positions;
    private int start;
    private int size;
    private long random;

    /** KSWIN with alpha 0.005, a window of 100 values, the newest 30 tested, and seed 1. */
    public Kswin() {
        this(0.005, 100, 30, 1L);
    }

    /**
     * KSWIN at level {@code alpha} within (0, 1), over a window of {@code windowSize} values whose newest
     * {@code statSize} >= 2 are tested (so windowSize >= 2 statSize), drawing with {@code seed}.
     */
    public Kswin(double alpha, int windowSize, int statSize, long seed) {
        if (!(alpha > 0 && alpha < 1)) {
            throw new DriftException("alpha must be within (0, 1), was " + alpha);
        }
        if (statSize < 2 || statSize > 10_000) {
            throw new DriftException("statSize must be within [2, 10000], was " + statSize);
        }
        if (windowSize < 2 * statSize || windowSize > 1_000_000) {
            throw new DriftException("windowSize must be within [2 * statSize = " + 2 * statSize
                    + ", 1000000], was " + windowSize);
        }
        this.alpha = alpha;
        this.windowSize = windowSize;
        this.statSize = statSize;
        this.seed = seed;
        this.test = new KolmogorovSmirnovTest(seed);
        this.pValueByCount = new double[statSize + 1];
        for (int k = 0; k <= statSize; k++) {
            pValueByCount[k] = test.exactP((double) k / statSize, statSize, statSize, false);
        }
        this.window = new double[windowSize];
        this.recent = new double[statSize];
        this.drawn = new double[statSize];
        this.positions = new int[windowSize - statSize];
        this.random = seed;
    }

    @Override
    public DriftState update(double value) {
        DetectorArguments.finiteValue(NAME, value);
        if (size == windowSize) {
            start = (start + 1) % windowSize;
            size--;
        }
        window[(start + size) % windowSize] = value;
        size++;
        if (size < windowSize) {
            return DriftState.STABLE;
        }
        if (pValue() <= alpha) {
            // Keep only the values that showed the change: they describe the new distribution.
            start = (start + windowSize - statSize) % windowSize;
            size = statSize;
            return DriftState.DRIFT;
        }
        return DriftState.STABLE;
    }

    private double pValue() {
        int older = windowSize - statSize;
        for (int i = 0; i < statSize; i++) {
            recent[i] = window[(start + older + i) % windowSize];
        }
        for (int i = 0; i < older; i++) {
            positions[i] = i;
        }
        // A partial Fisher-Yates shuffle: the first statSize positions become a uniform draw without replacement.
        for (int i = 0; i < statSize; i++) {
            int j = i + bounded(older - i);
            int p = positions[j];
            positions[j] = positions[i];
            positions[i] = p;
            drawn[i] = window[(start + p) % windowSize];
        }
        double d = test.kolmogorovSmirnovStatistic(drawn, recent);
        return pValueByCount[(int) Math.round(d * statSize)];
    }

    /** A uniform int in [0, bound) from a SplitMix64 sequence, whose whole state is one long. */
    private int bounded(int bound) {
        random += GOLDEN_GAMMA;
        long z = random;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        z = z ^ (z >>> 31);
        return (int) (((z >>> 33) * bound) >>> 31);
    }

    /** The number of values in the window, at most {@code windowSize}. */
    public int width() {
        return size;
    }

    @Override
    public void reset() {
        start = 0;
        size = 0;
        random = seed;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public byte[] snapshot() {
        SnapshotWriter out = new SnapshotWriter(NAME, FORMAT)
                .writeDouble(alpha).writeDouble(windowSize).writeDouble(statSize).writeLong(seed)
                .writeLong(random).writeInt(size);
        for (int i = 0; i < size; i++) {
            out.writeDouble(window[(start + i) % windowSize]);
        }
        return out.toByteArray();
    }

    @Override
    public void restore(byte[] snapshot) {
        SnapshotReader in = new SnapshotReader(snapshot, NAME, FORMAT);
        in.expectParameter("alpha", alpha);
        in.expectParameter("windowSize", windowSize);
        in.expectParameter("statSize", statSize);
        long readSeed = in.readLong();
        if (readSeed != seed) {
            throw new DriftException("snapshot of " + NAME + " was taken with seed = " + readSeed
                    + ", this detector has " + seed);
        }
        long readRandom = in.readLong();
        int readSize = in.readInt();
        if (readSize < 0 || readSize > windowSize) {
            throw new DriftException("snapshot of " + NAME + " holds " + readSize + " values, window is " + windowSize);
        }
        double[] values = new double[readSize];
        for (int i = 0; i < readSize; i++) {
            values[i] = in.readDouble();
        }
        in.end();
        System.arraycopy(values, 0, window, 0, readSize);
        start = 0;
        size = readSize;
        random = readRandom;
    }
}
