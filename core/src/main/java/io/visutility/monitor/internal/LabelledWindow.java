package io.visutility.monitor.internal;

import io.visutility.drift.internal.SnapshotReader;
import io.visutility.drift.internal.SnapshotWriter;
import io.visutility.metrics.ConfusionCounts;
import io.visutility.metrics.WindowSummary;
import io.visutility.monitor.MonitorException;

import java.util.Arrays;

/**
 * The last {@code capacity} labelled predictions, in prediction order, as running confusion counts and
 * label latencies. A count window over pairs released in prediction order (see {@link LabelJoin}) holds
 * the same predictions, and so gives the same figures, whatever order their labels came in. O(1) per
 * pair; quantiles of the latency sort a copy and are meant for status reads, not the hot path.
 */
public final class LabelledWindow {
    private static final byte TN = 0;
    private static final byte FP = 1;
    private static final byte FN = 2;
    private static final byte TP = 3;

    private final byte[] outcomes;
    private final long[] latencies;
    private final long[] counts = new long[4];
    private int next;
    private int size;
    private long latencySum;

    /** A window of {@code capacity} pairs. */
    public LabelledWindow(int capacity) {
        outcomes = new byte[capacity];
        latencies = new long[capacity];
    }

    /** Adds one labelled prediction, evicting the oldest when full. */
    public void add(boolean predictedPositive, boolean actualPositive, long latencyMicros) {
        if (size == outcomes.length) {
            counts[outcomes[next]]--;
            latencySum -= latencies[next];
        } else {
            size++;
        }
        byte outcome = predictedPositive ? (actualPositive ? TP : FP) : (actualPositive ? FN : TN);
        outcomes[next] = outcome;
        latencies[next] = latencyMicros;
        counts[outcome]++;
        latencySum += latencyMicros;
        next = next + 1 == outcomes.length ? 0 : next + 1;
    }

    /** Writes the pairs held, oldest first. */
    void write(SnapshotWriter w) {
        w.writeInt(size);
        int start = (next - size + outcomes.length) % outcomes.length;
        for (int i = 0; i < size; i++) {
            int at = (start + i) % outcomes.length;
            w.writeInt(outcomes[at]).writeLong(latencies[at]);
        }
    }

    /** Replaces the pairs held with those {@link #write} wrote. */
    void read(SnapshotReader r) {
        clear();
        int n = r.readInt();
        if (n < 0 || n > outcomes.length) {
            throw new MonitorException("snapshot holds " + n + " labelled pairs, the window takes " + outcomes.length);
        }
        for (int i = 0; i < n; i++) {
            int outcome = r.readInt();
            long latency = r.readLong();
            if (outcome < TN || outcome > TP) {
                throw new MonitorException("snapshot holds an unknown labelled outcome " + outcome);
            }
            add(outcome == TP || outcome == FP, outcome == TP || outcome == FN, latency);
        }
    }

    /** Forgets every pair. */
    public void clear() {
        Arrays.fill(counts, 0);
        next = 0;
        size = 0;
        latencySum = 0;
    }

    /** Pairs held. */
    public int size() {
        return size;
    }

    /** Whether the window holds {@code capacity} pairs. */
    public boolean full() {
        return size == outcomes.length;
    }

    /** The confusion counts of the pairs held. */
    public ConfusionCounts counts() {
        return new ConfusionCounts(counts[TP], counts[FP], counts[TN], counts[FN]);
    }

    /** Precision, recall and F1 of the pairs held, in the form the degradation rule judges. */
    public WindowSummary summary() {
        if (size == 0) {
            return WindowSummary.EMPTY;
        }
        long tp = counts[TP];
        long fp = counts[FP];
        long fn = counts[FN];
        return new WindowSummary(size, ratio(tp, tp + fp), ratio(tp, tp + fn), ratio(2 * tp, 2 * tp + fp + fn));
    }

    /** Mean label latency in microseconds, 0 when empty. */
    public long latencyMean() {
        return size == 0 ? 0 : latencySum / size;
    }

    /** The {@code q} quantile (nearest rank) of label latency in microseconds, 0 when empty. */
    public long latencyQuantile(double q) {
        if (size == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(latencies, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(q * size);
        return sorted[Math.max(0, Math.min(size - 1, rank - 1))];
    }

    private static double ratio(long numerator, long denominator) {
        return denominator == 0 ? 0.0 : (double) numerator / denominator;
    }
}
