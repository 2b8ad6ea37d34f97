package io.visutility.kafka.internal;

import io.visutility.VisutilityException;
import io.visutility.ingest.Checkpoint;
import io.visutility.ingest.CheckpointStore;
import io.visutility.kafka.ModelStateHandover;
import io.visutility.monitor.ModelMonitor;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Hands monitor snapshots over through a {@link CheckpointStore}, one checkpoint per group and partition. */
public final class CheckpointHandover implements ModelStateHandover {
    private static final Logger LOG = LoggerFactory.getLogger(CheckpointHandover.class);

    private final CheckpointStore store;
    private final String group;
    private final ModelMonitor monitor;
    // The offset this instance last saved per partition. When the group gives a partition back with that
    // very checkpoint, the monitor here holds that state already, plus what a snapshot leaves out
    // (predictions waiting for labels), so it is kept rather than replaced.
    private final Map<TopicPartition, Long> savedHere = new ConcurrentHashMap<>();

    /** Saves and restores {@code monitor}'s models in {@code store} under {@code group}. */
    public CheckpointHandover(CheckpointStore store, String group, ModelMonitor monitor) {
        this.store = Objects.requireNonNull(store, "store");
        this.group = Objects.requireNonNull(group, "group");
        this.monitor = Objects.requireNonNull(monitor, "monitor");
    }

    @Override
    public OptionalLong restore(TopicPartition partition) {
        Optional<Checkpoint> checkpoint = store.load(group, partition.topic(), partition.partition());
        if (checkpoint.isEmpty()) {
            return OptionalLong.empty();
        }
        long next = checkpoint.get().nextOffset();
        if (savedHere.remove(partition, next)) {
            return OptionalLong.of(next);
        }
        checkpoint.get().snapshots().forEach((model, snapshot) -> {
            try {
                monitor.restore(model, snapshot);
            } catch (VisutilityException e) {
                // Taken under another policy (the model was redeclared): the model starts afresh.
                LOG.warn("The saved state of {} from {} does not fit its policy and is not restored: {}", model,
                        partition, e.getMessage());
            }
        });
        return OptionalLong.of(next);
    }

    @Override
    public void save(TopicPartition partition, long nextOffset, Set<String> models) {
        Map<String, byte[]> snapshots = new LinkedHashMap<>();
        for (String model : models) {
            monitor.snapshot(model).ifPresent(bytes -> snapshots.put(model, bytes));
        }
        if (store.save(group, partition.topic(), partition.partition(), nextOffset, snapshots)) {
            savedHere.put(partition, nextOffset);
        } else {
            savedHere.remove(partition);
            LOG.info("The checkpoint of {} at offset {} is behind the saved one and was not kept", partition, nextOffset);
        }
    }
}
