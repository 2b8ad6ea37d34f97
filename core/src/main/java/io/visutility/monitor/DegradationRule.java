package io.visutility.monitor;

import io.visutility.metrics.WindowSummary;
import java.util.Locale;

/**
 * When a window of metrics counts as degraded, and when it has recovered. The original design compared
 * one sample's average of precision and recall with {@code minAvg} and ignored F1; this rule compares
 * window means, watches F1 too, and re-arms only {@code rearmMargin} above the thresholds so a model
 * hovering at the line does not flap.
 *
 * @param minAvg      degraded when mean (precision + recall) / 2 falls below this
 * @param minF1       degraded when mean F1 falls below this
 * @param rearmMargin recovered only when both means are at least this far above their thresholds
 */
public record DegradationRule(double minAvg, double minF1, double rearmMargin) {

    /** Validates the thresholds. */
    public DegradationRule {
        unit("minAvg", minAvg);
        unit("minF1", minF1);
        unit("rearmMargin", rearmMargin);
    }

    /** The original design's threshold 0.6 on the average, 0.6 on F1, re-arm 0.05 above. */
    public static DegradationRule defaults() {
        return new DegradationRule(0.6, 0.6, 0.05);
    }

    /** Whether the window's means break the rule. */
    public boolean isDegraded(WindowSummary window) {
        return window.average() < minAvg || window.f1() < minF1;
    }

    /** Whether the window's means are clearly healthy again. */
    public boolean isRecovered(WindowSummary window) {
        return window.average() >= minAvg + rearmMargin && window.f1() >= minF1 + rearmMargin;
    }

    /** Says which threshold the window breaks, for the DriftDetected event. */
    public String explain(WindowSummary window) {
        StringBuilder sb = new StringBuilder();
        if (window.average() < minAvg) {
            sb.append(String.format(Locale.ROOT, "mean of precision and recall %.4f < minAvg %.4f", window.average(),
                    minAvg));
        }
        if (window.f1() < minF1) {
            sb.append(sb.length() > 0 ? "; " : "")
                    .append(String.format(Locale.ROOT, "mean F1 %.4f < minF1 %.4f", window.f1(), minF1));
        }
        return sb.append(" over ").append(window.samples()).append(" samples").toString();
    }

    private static void unit(String field, double value) {
        if (!Double.isFinite(value) || value < 0 || value > 1) {
            throw new MonitorException(field + " must be within [0, 1], was " + value);
        }
    }
}
