package io.visutility.training;

import io.visutility.metrics.ClassificationMetrics;
import io.visutility.tuning.HyperParams;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A trained model: its serialised bytes (what the artifact store keeps and {@link Trainer#load} reads
 * back), the parameters it was trained with (defaults filled in), and its quality on the validation set.
 *
 * @param artifact   serialised model
 * @param params     the complete parameters actually used
 * @param validation quality on the request's validation rows
 * @param duration   wall time spent training
 * @param reported   metrics the training program reported about itself (see {@link ProcessTrainer}), kept
 *                   for information beside {@code validation}, which the orchestrator computed; empty for
 *                   trainers that report nothing of their own
 */
public record TrainingResult(byte[] artifact, HyperParams params, ClassificationMetrics validation, Duration duration,
                             Map<String, Double> reported) {

    /** Checks that a model was produced. */
    public TrainingResult {
        Objects.requireNonNull(artifact, "artifact");
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(validation, "validation");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(reported, "reported");
        if (artifact.length == 0) {
            throw new TrainingException("a trainer must return a non-empty artifact");
        }
        reported = Collections.unmodifiableMap(new LinkedHashMap<>(reported));
    }

    /** A result with no self-reported metrics. */
    public TrainingResult(byte[] artifact, HyperParams params, ClassificationMetrics validation, Duration duration) {
        this(artifact, params, validation, duration, Map.of());
    }
}
