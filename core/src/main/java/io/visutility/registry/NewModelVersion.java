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
 * @param tags           its first tags (keys as {@link Names#tagKey}, values as {@link Names#tagValue});
 *                       they may be changed after registration
 */
public record NewModelVersion(String name, String sha256, HyperParams params, Map<String, Double> metrics,
                              Lineage lineage, String idempotencyKey, Map<String, String> tags) {

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
        tags = tags == null ? Map.of() : tags;
        tags.forEach((key, value) -> Names.tagValue(Names.tagKey(key), value));
        tags = Map.copyOf(tags);
    }

    /** A version to register without tags. */
    public NewModelVersion(String name, String sha256, HyperParams params, Map<String, Double> metrics,
                           Lineage lineage, String idempotencyKey) {
        this(name, sha256, params, metrics, lineage, idempotencyKey, Map.of());
    }

    /** This request with {@code tags} as the version's first tags. */
    public NewModelVersion withTags(Map<String, String> tags) {
        return new NewModelVersion(name, sha256, params, metrics, lineage, idempotencyKey, tags);
    }
}
