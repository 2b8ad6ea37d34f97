package io.visutility.training;

import io.visutility.metrics.ClassificationMetrics;
import io.visutility.tuning.HyperParams;
import java.time.Duration;
import java.util.Objects;

/**
 * A trained model: its serialised bytes (what the artifact store keeps and {@link Trainer#load} reads
 * back), the parameters it was trained with (defaults filled in), and its quality on the validation set.
 *
 * @param artifact   serialised model
 * @param params     the complete parameters actually used
 * @param validation quality on the request's validation rows
 * @param duration   wall time spent training
 */
public record TrainingResult(byte[] artifact, HyperParams params, ClassificationMetrics validation, Duration duration) {

    /** Checks that a model was produced. */
    public TrainingResult {
        Objects.requireNonNull(artifact, "artifact");
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(validation, "validation");
        Objects.requireNonNull(duration, "duration");
        if (artifact.length == 0) {
            throw new TrainingException("a trainer must return a non-empty artifact");
        }
    }
}
