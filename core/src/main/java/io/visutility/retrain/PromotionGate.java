package io.visutility.retrain;

import io.visutility.metrics.ClassificationMetrics;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Decides whether a candidate replaces the champion. Both are scored on the same holdout, which the
 * tuner never saw; the candidate is promoted only if it beats the champion on {@code metric} by more
 * than zero and by at least {@code minImprovement}, and no guard metric drops by more than its
 * tolerance. With no champion, any candidate is promoted.
 *
 * @param metric         one of precision, recall, f1, accuracy, auc
 * @param minImprovement least gain in the metric, within [0, 1]
 * @param guards         guard metric (same names) to the most it may drop, within [0, 1]
 */
public record PromotionGate(String metric, double minImprovement, Map<String, Double> guards) {
    private static final Set<String> METRICS = Set.of("precision", "recall", "f1", "accuracy", "auc");

    /** Validates the settings, naming the bad metric or value. */
    public PromotionGate {
        if (!METRICS.contains(metric)) {
            throw new RetrainException("metric must be one of " + METRICS + ", was " + metric);
        }
        if (!Double.isFinite(minImprovement) || minImprovement < 0 || minImprovement > 1) {
            throw new RetrainException("minImprovement must be within [0, 1], was " + minImprovement);
        }
        if (guards == null) {
            throw new RetrainException("guards must not be null; pass Map.of() for none");
        }
        TreeMap<String, Double> copy = new TreeMap<>();
        guards.forEach((name, drop) -> {
            if (!METRICS.contains(name)) {
                throw new RetrainException("guard metric must be one of " + METRICS + ", was " + name);
            }
            if (drop == null || !Double.isFinite(drop) || drop < 0 || drop > 1) {
                throw new RetrainException("guard " + name + " must allow a drop within [0, 1], was " + drop);
            }
            copy.put(name, drop);
        });
        guards = Collections.unmodifiableMap(copy);
    }

    /** A gate on {@code metric} without guards. */
    public PromotionGate(String metric, double minImprovement) {
        this(metric, minImprovement, Map.of());
    }

    /** Promote on any strict gain in F1. */
    public static PromotionGate defaults() {
        return new PromotionGate("f1", 0.0);
    }

    /** The verdict for {@code candidate} against {@code champion} (null when there is none). */
    public PromotionDecision decide(ClassificationMetrics candidate, ClassificationMetrics champion) {
        double c = candidate.get(metric);
        if (champion == null) {
            return new PromotionDecision(true, metric, c, Double.NaN, "no champion yet", "no-champion");
        }
        double h = champion.get(metric);
        double gain = c - h;
        if (!(gain > 0 && gain >= minImprovement)) {
            return new PromotionDecision(false, metric, c, h, String.format(Locale.ROOT,
                    "%s %.4f does not beat champion's %.4f by more than 0 and at least %.4f (gain %.4f)",
                    metric, c, h, minImprovement, gain), "improvement");
        }
        for (Map.Entry<String, Double> guard : guards.entrySet()) {
            double gc = candidate.get(guard.getKey());
            double gh = champion.get(guard.getKey());
            if (gh - gc > guard.getValue()) {
                return new PromotionDecision(false, metric, c, h, String.format(Locale.ROOT,
                        "%s %.4f beats champion's %.4f, but guard %s drops from %.4f to %.4f (by %.4f, allowed %.4f)",
                        metric, c, h, guard.getKey(), gh, gc, gh - gc, guard.getValue()), "guard:" + guard.getKey());
            }
        }
        return new PromotionDecision(true, metric, c, h, String.format(Locale.ROOT,
                "%s %.4f beats champion's %.4f by %.4f (needed > 0 and >= %.4f)%s",
                metric, c, h, gain, minImprovement, guards.isEmpty() ? "" : "; guards " + guards + " hold"), "improvement");
    }
}
