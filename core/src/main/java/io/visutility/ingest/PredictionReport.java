package io.visutility.ingest;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One prediction a model served: its id (which a later {@link LabelReport} names), the features it saw,
 * its score in [0, 1] and, when already known, the true label.
 *
 * @param id       the caller's prediction id, 1 to 200 printable characters
 * @param features feature name to finite value, in the caller's order (copied)
 * @param score    the model's score, finite, in [0, 1]
 * @param label    the true label (0 or 1), or null when it comes later
 * @param time     when the prediction was served, or null for "when it arrived"
 */
public record PredictionReport(String id, Map<String, Double> features, double score, Integer label, Instant time) {
    /** Validates every field. */
    public PredictionReport {
        IngestChecks.id("id", id);
        features = IngestChecks.features("features", features);
        IngestChecks.unit("score", score);
        if (label != null) {
            IngestChecks.label("label", label);
        }
    }
}
