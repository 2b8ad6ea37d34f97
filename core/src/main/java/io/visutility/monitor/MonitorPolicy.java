package io.visutility.monitor;

import java.time.Duration;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * How one model is judged: the degradation rule, applied to the mean of the last {@code windowSize}
 * samples once at least {@code minSamples} have arrived; after a promotion no new incident opens for
 * {@code cooldown}; a failed retrain is retried for the same incident after {@code retryAfter}. An open
 * incident closes by itself only when a full window of samples taken after the alarm clears the rule's
 * re-arm level. Predictions and their labels are joined and judged as {@code labels} says; the error
 * stream of the labelled predictions feeds a detector from each of {@code detectors}; only the
 * {@code signals} listed may open an incident.
 *
 * @param rule             thresholds and hysteresis
 * @param windowSize       samples in the sliding window
 * @param minSamples       samples needed before any decision (no single sample decides)
 * @param cooldown         quiet time after a new version is promoted
 * @param retryAfter       time after a failed or unpromoted retrain before the incident raises its alarm again
 * @param labels           the label join and the window of labelled predictions
 * @param detectors        error-stream detectors every model of this policy gets, with distinct names
 * @param signals          the signals that may open an incident
 * @param publishWarnings  whether a detector's warning is published as a {@code DriftWarning}
 * @param rearmOnPromotion whether a promotion also restarts the labelled window, resets the detectors and
 *                         takes a new feature reference (the metrics window always restarts)
 */
public record MonitorPolicy(DegradationRule rule, int windowSize, int minSamples, Duration cooldown,
                            Duration retryAfter, LabelPolicy labels, List<DetectorFactory> detectors,
                            Set<Signal> signals, boolean publishWarnings, boolean rearmOnPromotion) {

    /** Validates every field and copies the collections. */
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
        if (labels == null) {
            throw new MonitorException("labels must be given, was null");
        }
        detectors = distinct(detectors);
        if (signals == null || signals.stream().anyMatch(Objects::isNull)) {
            throw new MonitorException("signals must be a set of signals, was " + signals);
        }
        signals = signals.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(signals));
    }

    /** A policy with the label defaults, no detectors, every signal allowed, warnings published, re-arm on promotion. */
    public MonitorPolicy(DegradationRule rule, int windowSize, int minSamples, Duration cooldown, Duration retryAfter) {
        this(rule, windowSize, minSamples, cooldown, retryAfter, LabelPolicy.defaults(), List.of(),
                EnumSet.allOf(Signal.class), true, true);
    }

    /** Threshold 0.6 (the original design's), window 20, at least 10 samples, 10 min cooldown, 15 min retry. */
    public static MonitorPolicy defaults() {
        return new MonitorPolicy(DegradationRule.defaults(), 20, 10, Duration.ofMinutes(10), Duration.ofMinutes(15));
    }

    /** A copy with another rule. */
    public MonitorPolicy withRule(DegradationRule rule) {
        return new MonitorPolicy(rule, windowSize, minSamples, cooldown, retryAfter, labels, detectors, signals,
                publishWarnings, rearmOnPromotion);
    }

    /** A copy with another window size and minimum sample count. */
    public MonitorPolicy withWindow(int windowSize, int minSamples) {
        return new MonitorPolicy(rule, windowSize, minSamples, cooldown, retryAfter, labels, detectors, signals,
                publishWarnings, rearmOnPromotion);
    }

    /** A copy with another cooldown and retry delay. */
    public MonitorPolicy withTimings(Duration cooldown, Duration retryAfter) {
        return new MonitorPolicy(rule, windowSize, minSamples, cooldown, retryAfter, labels, detectors, signals,
                publishWarnings, rearmOnPromotion);
    }

    /** A copy with another label join and labelled window. */
    public MonitorPolicy withLabels(LabelPolicy labels) {
        return new MonitorPolicy(rule, windowSize, minSamples, cooldown, retryAfter, labels, detectors, signals,
                publishWarnings, rearmOnPromotion);
    }

    /** A copy with other error-stream detectors. */
    public MonitorPolicy withDetectors(List<DetectorFactory> detectors) {
        return new MonitorPolicy(rule, windowSize, minSamples, cooldown, retryAfter, labels, detectors, signals,
                publishWarnings, rearmOnPromotion);
    }

    /** A copy in which only {@code signals} may open an incident. */
    public MonitorPolicy withSignals(Set<Signal> signals) {
        return new MonitorPolicy(rule, windowSize, minSamples, cooldown, retryAfter, labels, detectors, signals,
                publishWarnings, rearmOnPromotion);
    }

    /** A copy that does or does not publish detector warnings. */
    public MonitorPolicy withWarnings(boolean publishWarnings) {
        return new MonitorPolicy(rule, windowSize, minSamples, cooldown, retryAfter, labels, detectors, signals,
                publishWarnings, rearmOnPromotion);
    }

    /** A copy that does or does not re-arm labels, detectors and features after a promotion. */
    public MonitorPolicy withRearmOnPromotion(boolean rearmOnPromotion) {
        return new MonitorPolicy(rule, windowSize, minSamples, cooldown, retryAfter, labels, detectors, signals,
                publishWarnings, rearmOnPromotion);
    }

    /** Whether {@code signal} may open an incident. */
    public boolean allows(Signal signal) {
        return signals.contains(signal);
    }

    private static List<DetectorFactory> distinct(List<DetectorFactory> detectors) {
        if (detectors == null || detectors.stream().anyMatch(Objects::isNull)) {
            throw new MonitorException("detectors must be a list of detector factories, was " + detectors);
        }
        Set<String> names = new HashSet<>();
        for (DetectorFactory d : detectors) {
            if (!names.add(d.name())) {
                throw new MonitorException("detectors must have distinct names, " + d.name() + " was given twice");
            }
        }
        return List.copyOf(detectors);
    }

    private static void nonNegative(String field, Duration d) {
        if (d == null || d.isNegative()) {
            throw new MonitorException(field + " must be a duration >= 0, was " + d);
        }
    }
}
