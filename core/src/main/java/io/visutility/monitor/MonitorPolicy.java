package io.visutility.monitor;

import java.time.Duration;
import java.util.Objects;

/**
 * How one model is judged: the degradation rule, applied to the mean of the last {@code windowSize}
 * samples once at least {@code minSamples} have arrived; after a promotion no new incident opens for
 * {@code cooldown}; a failed retrain is retried for the same incident after {@code retryAfter}. An open
 * incident closes by itself only when a full window of samples taken after the alarm clears the rule's
 * re-arm level.
 *
 * @param rule       thresholds and hysteresis
 * @param windowSize samples in the sliding window
 * @param minSamples samples needed before any decision (no single sample decides)
 * @param cooldown   quiet time after a new version is promoted
 * @param retryAfter time after a failed or unpromoted retrain before the incident raises its alarm again
 */
public record MonitorPolicy(DegradationRule rule, int windowSize, int minSamples, Duration cooldown,
                            Duration retryAfter) {

    /** Validates every field. */
    public MonitorPolicy {
        Objects.requireNonNull(rule, "rule");
        if (windowSize < 1) {
            throw new MonitorException("windowSize must be >= 1, was " + windowSize);
        }
        if (minSamples < 1 || minSamples > windowSize) {
            throw new MonitorException("minSamples must be within [1, windowSize=" + windowSize + "], was " + minSamples);
        }
        nonNegative("cooldown", cooldown);
        nonNegative("retryAfter", retryAfter);
    }

    /** Threshold 0.6 (the original design's), window 20, at least 10 samples, 10 min cooldown, 15 min retry. */
    public static MonitorPolicy defaults() {
        return new MonitorPolicy(DegradationRule.defaults(), 20, 10, Duration.ofMinutes(10), Duration.ofMinutes(15));
    }

    /** A copy with another rule. */
    public MonitorPolicy withRule(DegradationRule rule) {
        return new MonitorPolicy(rule, windowSize, minSamples, cooldown, retryAfter);
    }

    /** A copy with another window size and minimum sample count. */
    public MonitorPolicy withWindow(int windowSize, int minSamples) {
        return new MonitorPolicy(rule, windowSize, minSamples, cooldown, retryAfter);
    }

    /** A copy with another cooldown and retry delay. */
    public MonitorPolicy withTimings(Duration cooldown, Duration retryAfter) {
        return new MonitorPolicy(rule, windowSize, minSamples, cooldown, retryAfter);
    }

    private static void nonNegative(String field, Duration d) {
        if (d == null || d.isNegative()) {
            throw new MonitorException(field + " must be a duration >= 0, was " + d);
        }
    }
}
