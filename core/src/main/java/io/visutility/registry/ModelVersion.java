package io.visutility.registry;

import io.visutility.tuning.HyperParams;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A registered version of a model: immutable once registered, except for its tags, which are metadata
 * that may be set and removed later; a {@code ModelVersion} holds the tags as they were when it was read.
 *
 * @param name      model name
 * @param version   1, 2, 3 ... per model, without gaps
 * @param sha256    SHA-256 of the artifact's bytes, as stored in the artifact store
 * @param params    hyper-parameters it was trained with
 * @param metrics   validation metrics, by name
 * @param createdAt when it was registered
 * @param lineage   where it came from
 * @param tags      key/value labels, sorted by key
 */
public record ModelVersion(String name, int version, String sha256, HyperParams params, Map<String, Double> metrics,
                           Instant createdAt, Lineage lineage, Map<String, String> tags) {

    /** Copies the metrics and the tags. */
    public ModelVersion {
        metrics = Map.copyOf(metrics);
        tags = tags == null || tags.isEmpty() ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(tags));
    }

    /** A version without tags. */
    public ModelVersion(String name, int version, String sha256, HyperParams params, Map<String, Double> metrics,
                        Instant createdAt, Lineage lineage) {
        this(name, version, sha256, params, metrics, createdAt, lineage, Map.of());
    }

    /** This version with {@code tags} in place of its own. */
    public ModelVersion withTags(Map<String, String> tags) {
        return new ModelVersion(name, version, sha256, params, metrics, createdAt, lineage, tags);
    }
}
