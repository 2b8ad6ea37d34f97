package io.visutility.kafka;

import io.visutility.ingest.CheckpointStore;
import io.visutility.kafka.internal.CheckpointHandover;
import io.visutility.monitor.ModelMonitor;
import org.apache.kafka.common.TopicPartition;

import java.util.OptionalLong;
import java.util.Set;

/**
 * Moves the monitoring state of a partition's models (windows, detector states) between instances when
 * the consumer group moves the partition. The source calls it from its poll thread.
 */
public interface ModelStateHandover {
    /**
     * Called when this instance is given {@code partition}, before any of its records is read: load the
     * state the previous owner saved for its models.
     *
     * @return the offset that state was saved at, where reading goes on; empty to go on from the group's
     *         committed offset
     */
    OptionalLong restore(TopicPartition partition);

    /**
     * Saves the state of {@code models}, read from {@code partition}, as of {@code nextOffset} (the first
     * offset not applied). Called when the partition is revoked (after its records were applied and the
     * offset committed), every checkpoint interval, and on close; not when the partition is lost, since
     * another instance owns it already and its state is newer.
     */
    void save(TopicPartition partition, long nextOffset, Set<String> models);

    /** A handover that keeps nothing: a new owner starts each model afresh. */
    static ModelStateHandover none() {
        return new ModelStateHandover() {
            @Override
            public OptionalLong restore(TopicPartition partition) {
                return OptionalLong.empty();
            }

            @Override
            public void save(TopicPartition partition, long nextOffset, Set<String> models) {
            }
        };
    }

    /**
     * A handover through {@code store}: {@link ModelMonitor#snapshot} of each model saved with the offset
     * in one checkpoint per {@code group} and partition, and {@link ModelMonitor#restore}d by the next
     * owner, which reads on from the checkpoint's offset. A save from an owner that lost the partition is
     * refused by the store as stale.
     */
    static ModelStateHandover checkpoints(CheckpointStore store, String group, ModelMonitor monitor) {
        return new CheckpointHandover(store, group, monitor);
    }
}
