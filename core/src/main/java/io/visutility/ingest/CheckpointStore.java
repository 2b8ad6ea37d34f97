package io.visutility.ingest;

import io.visutility.ingest.internal.InMemoryCheckpointStore;

import java.util.Map;
import java.util.Optional;

/**
 * Durable checkpoints of stream consumers: per consumer group and partition, the next offset to read and
 * the monitor state of the partition's models, saved together in one step.
 */
public interface CheckpointStore {
    /** A store in memory, for tests and single-process use. */
    static CheckpointStore inMemory() {
        return new InMemoryCheckpointStore();
    }

    /**
     * Saves the partition's checkpoint in one step: its next offset, and the snapshots of {@code snapshots}'
     * models (each replacing that model's earlier snapshot in the group). A checkpoint behind the one
     * saved already (a smaller offset, as from an owner that lost the partition) is refused.
     *
     * @return true when saved, false when refused as stale
     * @throws InvalidRecordException when an argument is out of range
     */
    boolean save(String group, String topic, int partition, long nextOffset, Map<String, byte[]> snapshots);

    /** The partition's last checkpoint with the snapshots last saved for it, or empty when none was saved. */
    Optional<Checkpoint> load(String group, String topic, int partition);

    /** Checks the arguments every adapter shares. */
    static void check(String group, String topic, int partition, long nextOffset, Map<String, byte[]> snapshots) {
        name("group", group);
        name("topic", topic);
        if (partition < 0) {
            throw new InvalidRecordException("partition", "partition must be >= 0, was " + partition);
        }
        if (nextOffset < 0) {
            throw new InvalidRecordException("nextOffset", "nextOffset must be >= 0, was " + nextOffset);
        }
        if (snapshots == null) {
            throw new InvalidRecordException("snapshots", "snapshots must be given");
        }
        snapshots.forEach((model, bytes) -> {
            if (model == null || model.isBlank() || bytes == null) {
                throw new InvalidRecordException("snapshots", "snapshots need a model name and bytes, had "
                        + model + " -> " + (bytes == null ? "null" : bytes.length + " bytes"));
            }
        });
    }

    /** Checks a group or topic name. */
    static void name(String field, String value) {
        if (value == null || value.isBlank() || value.length() > 255) {
            throw new InvalidRecordException(field, field + " must be 1 to 255 characters, was "
                    + (value == null ? "null" : "\"" + value + "\""));
        }
    }
}
