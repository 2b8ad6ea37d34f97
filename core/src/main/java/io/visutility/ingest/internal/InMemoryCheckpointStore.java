package io.visutility.ingest.internal;

import io.visutility.ingest.Checkpoint;
import io.visutility.ingest.CheckpointStore;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link CheckpointStore} in memory; one lock for all. */
public final class InMemoryCheckpointStore implements CheckpointStore {
    private final Map<List<Object>, Long> offsets = new HashMap<>();
    // group + model -> (topic, partition, bytes)
    private final Map<List<String>, Saved> snapshots = new HashMap<>();

    private record Saved(String topic, int partition, byte[] bytes) {
    }

    @Override
    public synchronized boolean save(String group, String topic, int partition, long nextOffset,
                                     Map<String, byte[]> models) {
        CheckpointStore.check(group, topic, partition, nextOffset, models);
        List<Object> key = List.of(group, topic, partition);
        Long saved = offsets.get(key);
        if (saved != null && nextOffset < saved) {
            return false;
        }
        offsets.put(key, nextOffset);
        models.forEach((model, bytes) -> snapshots.put(List.of(group, model), new Saved(topic, partition, bytes.clone())));
        return true;
    }

    @Override
    public synchronized Optional<Checkpoint> load(String group, String topic, int partition) {
        CheckpointStore.name("group", group);
        CheckpointStore.name("topic", topic);
        Long offset = offsets.get(List.of(group, topic, partition));
        if (offset == null) {
            return Optional.empty();
        }
        Map<String, byte[]> out = new HashMap<>();
        snapshots.forEach((key, saved) -> {
            if (key.get(0).equals(group) && saved.topic.equals(topic) && saved.partition == partition) {
                out.put(key.get(1), saved.bytes.clone());
            }
        });
        return Optional.of(new Checkpoint(offset, out));
    }
}
