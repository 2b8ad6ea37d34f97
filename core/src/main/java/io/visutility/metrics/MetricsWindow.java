package io.visutility.metrics;

/**
 * The last {@code capacity} metric samples, with their means kept up to date in O(1) per sample. Not
 * thread-safe: the monitor guards each model's window.
 */
public final class MetricsWindow {
    private final double[] precision;
    private final double[] recall;
    private final double[] f1;
    private int next;
    private int size;
    private long added;
    private double sumPrecision;
    private double sumRecall;
    private double sumF1;

    /** A window holding up to {@code capacity} samples. */
    public MetricsWindow(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1, was " + capacity);
        }
        precision = new double[capacity];
        recall = new double[capacity];
        f1 = new double[capacity];
    }

    /** Adds a sample, evicting the oldest when full. */
    public void add(PerformanceMetrics m) {
        if (size == precision.length) {
            sumPrecision -= precision[next];
            sumRecall -= recall[next];
            sumF1 -= f1[next];
        } else {
            size++;
        }
        precision[next] = m.precision();
        recall[next] = m.recall();
        f1[next] = m.f1Score();
        sumPrecision += m.precision();
        sumRecall += m.recall();
        sumF1 += m.f1Score();
        next = (next + 1) % precision.length;
        // Running sums drift by rounding; recompute them once per full turn of the ring.
        if (++added % precision.length == 0) {
            recompute();
        }
    }

    /** The samples held, oldest first. */
    public java.util.List<PerformanceMetrics> samples() {
        java.util.List<PerformanceMetrics> out = new java.util.ArrayList<>(size);
        int start = (next - size + precision.length) % precision.length;
        for (int i = 0; i < size; i++) {
            int at = (start + i) % precision.length;
            out.add(new PerformanceMetrics(precision[at], recall[at], f1[at]));
        }
        return out;
    }

    /** Forgets every sample. */
    public void clear() {
        next = 0;
        size = 0;
        sumPrecision = 0;
        sumRecall = 0;
        sumF1 = 0;
    }

    /** Number of samples held. */
    public int size() {
        return size;
    }

    /** The means of the samples held. */
    public WindowSummary summary() {
        if (size == 0) {
            return WindowSummary.EMPTY;
        }
        return new WindowSummary(size, clamp(sumPrecision / size), clamp(sumRecall / size), clamp(sumF1 / size));
    }

    private void recompute() {
        sumPrecision = 0;
        sumRecall = 0;
        sumF1 = 0;
        for (int i = 0; i < size; i++) {
            sumPrecision += precision[i];
            sumRecall += recall[i];
            sumF1 += f1[i];
        }
    }

    private static double clamp(double v) {
        return Math.max(0.0, Math.min(1.0, v));
    }
}
