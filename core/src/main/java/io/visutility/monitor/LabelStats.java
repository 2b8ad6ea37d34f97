package io.visutility.monitor;

import io.visutility.metrics.ConfusionCounts;
import java.time.Duration;

/**
 * What the monitor knows of one model's predictions and labels: counters since the monitor started, the
 * entries it holds now, and the window of labelled predictions with its label latency.
 *
 * @param predictions          predictions observed
 * @param labels               labels observed, including those given with their prediction
 * @param joined               predictions that met their label
 * @param expired              predictions whose label did not come within the horizon
 * @param dropped              predictions pushed out unlabelled by the cap on waiting predictions
 * @param duplicateLabels      labels for a prediction that already had one, ignored
 * @param duplicatePredictions predictions with an id already held, ignored
 * @param unmatchedLabels      labels whose prediction did not come within the horizon
 * @param droppedLabels        labels pushed out by the cap on early labels before their prediction came
 * @param stale                labelled predictions made before the last re-arm, left out of the window
 * @param pending              predictions waiting for a label now (never above the policy's maxPending)
 * @param earlyLabels          labels waiting for their prediction now (never above maxEarlyLabels)
 * @param window               confusion counts of the labelled window
 * @param latencyMean          mean label latency (label time minus prediction time) over the window
 * @param latencyP50           median label latency over the window
 * @param latencyP99           99th percentile of label latency over the window
 */
public record LabelStats(long predictions, long labels, long joined, long expired, long dropped, long duplicateLabels,
                         long duplicatePredictions, long unmatchedLabels, long droppedLabels, long stale, int pending,
                         int earlyLabels, ConfusionCounts window, Duration latencyMean, Duration latencyP50,
                         Duration latencyP99) {

    /** Precision of the labelled window. */
    public double precision() {
        return window.precision();
    }

    /** Recall of the labelled window. */
    public double recall() {
        return window.recall();
    }

    /** F1 of the labelled window. */
    public double f1() {
        return window.f1();
    }

    /** Accuracy of the labelled window. */
    public double accuracy() {
        return window.accuracy();
    }
}
