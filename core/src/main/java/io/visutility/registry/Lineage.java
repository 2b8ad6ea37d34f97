package io.visutility.registry;

import java.util.Map;

/**
 * Where a model version came from: the version it replaces, the event that triggered the retrain, the
 * job that trained it, the trainer, and free-form provenance (data window, seed, library versions).
 *
 * @param parentVersion  the champion when training started, or null for a first model
 * @param triggerEventId id of the event (usually a DriftDetected) that caused the retrain, or null
 * @param jobId          id of the retrain job, or null for a model registered by hand
 * @param trainer        name of the trainer that produced the artifact
 * @param details        further provenance, such as {@code rows}, {@code seed}, {@code trial}
 */
public record Lineage(Integer parentVersion, String triggerEventId, String jobId, String trainer,
                      Map<String, String> details) {

    /** Copies the details. */
    public Lineage {
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    /** Lineage of a model registered by hand, with no parent, trigger or job. */
    public static Lineage manual(String trainer, Map<String, String> details) {
        return new Lineage(null, null, null, trainer, details);
    }
}
