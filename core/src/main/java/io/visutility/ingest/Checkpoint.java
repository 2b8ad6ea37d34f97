package io.visutility.ingest;

import java.util.Map;

/**
 * Where a consumer group stands in one partition, and the monitor state of the models read from it as
 * of that point: a new owner of the partition restores the states and reads on from {@code nextOffset},
 * so every record is applied once to the state it builds on.
 *
 * @param nextOffset the first offset not yet applied
 * @param snapshots  model name to its monitor snapshot ({@link io.visutility.monitor.ModelMonitor#snapshot})
 */
public record Checkpoint(long nextOffset, Map<String, byte[]> snapshots) {
    /** Copies the snapshots. */
    public Checkpoint {
        snapshots = Map.copyOf(snapshots);
    }
}
