package io.visutility.registry;

import io.visutility.tuning.HyperParams;
import java.time.Instant;
import java.util.Map;

/**
 * A registered version of a model: immutable once registered.
 *
 * @param name      model name
 * @param version   1, 2, 3 ... per model, without gaps
 * @param sha256    SHA-256 of the artifact's bytes, as stored in the artifact store
 * @param params    hyper-parameters it was trained with
 * @param metrics   validation metrics, by name
 * @param createdAt when it was registered
 * @param lineage   where it came from
 */
public record ModelVersion(String name, int version, String sha256, HyperParams params, Map<String, Double> metrics,
                           Instant createdAt, Lineage lineage) {

    /** Copies the metrics. */
    public ModelVersion {
        metrics = Map.copyOf(metrics);
    }
}
