package io.visutility.retrain;

import io.visutility.metrics.ClassificationMetrics;
import java.util.Locale;
import java.util.Set;

/**
 * Decides whether a candidate replaces the champion. Both are scored on the same holdout, which the
 * tuner never saw; the candidate is promoted only if it beats the champion on {@code metric} by more
 * than zero and by at least {@code minImprovement}. With no champion, any candidate is promoted.
 *
 * @param metric         one of precision, recall, f1, accuracy, auc
 * @param minImprovement least gain in the metric, >= 0
 */
public record PromotionGate(String metric, double minImprovement) {
    private static final Set<String> METRICS = Set.of("precision", "recall", "f1", "accuracy", "auc");

    /** Validates the settings. */
    public PromotionGate {
        if (!METRICS.contains(metric)) {
            throw new RetrainException("metric must be one of " + METRICS + ", was " + metric);
        }
        if (!Double.isFinite(minImprovement) || minImprovement < 0 || minImprovement > 1) {
            throw new RetrainException("minImprovement must be within [0, 1], was " + minImprovement);
        }
    }

    /** Promote on any strict gain in F1. */
    public static PromotionGate defaults() {
        return new PromotionGate("f1", 0.0);
    }

    /** The verdict for {@code candidate} against {@code champion} (null when there is none). */
    public PromotionDecision decide(ClassificationMetrics candidate, ClassificationMetrics champion) {
        double c = candidate.get(metric);
        if (champion == null) {
            return new PromotionDecision(true, metric, c, Double.NaN, "no champion yet");
        }
        double h = champion.get(metric);
        double gain = c - h;
        if (gain > 0 && gain >= minImprovement) {
            return new PromotionDecision(true, metric, c, h,
                    String.format(Locale.ROOT, "%s %.4f beats champion's %.4f by %.4f (needed > 0 and >= %.4f)",
                            metric, c, h, gain, minImprovement));
        }
        return new PromotionDecision(false, metric, c, h,
                String.format(Locale.ROOT, "%s %.4f does not beat champion's %.4f by more than 0 and at least %.4f (gain %.4f)",
                        metric, c, h, minImprovement, gain));
    }
}
