package io.visutility.ingest;

import io.visutility.metrics.PerformanceMetrics;

import java.time.Instant;
import java.util.Objects;

/**
 * One metric report: a model's precision, recall and F1 over a batch of its traffic.
 *
 * @param metrics the validated metrics
 * @param time    when the batch was measured, or null for "when it arrived"
 */
public record MetricReport(PerformanceMetrics metrics, Instant time) {
    /** Requires the metrics. */
    public MetricReport {
        Objects.requireNonNull(metrics, "metrics");
    }
}
