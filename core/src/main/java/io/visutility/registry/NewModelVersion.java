package io.visutility.registry;

import io.visutility.tuning.HyperParams;
import java.util.Map;
import java.util.Objects;

/**
 * A version to register; the registry assigns its number and time.
 *
 * @param name           model name (see {@link Names#model})
 * @param sha256         checksum of an artifact already in the artifact store
 * @param params         hyper-parameters it was trained with
 * @param metrics        validation metrics, by name
 * @param lineage        where it came from
 * @param idempotencyKey a key unique to this registration attempt (such as job id and attempt), or null;
 *                       registering the same key again returns the first version instead of a new one
 */
public record NewModelVersion(String name, String sha256, HyperParams params, Map<String, Double> metrics,
                              Lineage lineage, String idempotencyKey) {

    /** Validates every field. */
    public NewModelVersion {
        Names.model(name);
        Names.sha256(sha256);
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(lineage, "lineage");
        metrics = Map.copyOf(metrics);
        metrics.forEach((metric, value) -> {
            if (!Double.isFinite(value)) {
                throw new InvalidArgumentException("metrics." + metric, "metric " + metric + " must be finite, was " + value);
            }
        });
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 256)) {
            throw new InvalidArgumentException("idempotencyKey",
                    "idempotencyKey must be 1 to 256 non-blank characters, was \"" + idempotencyKey + "\"");
        }
    }
}
