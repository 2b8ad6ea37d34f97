package io.visutility.kafka.internal;

import io.visutility.kafka.OffsetLedger;
import org.apache.kafka.common.TopicPartition;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/** An {@link OffsetLedger} in a map; offsets only move forward. */
public final class InMemoryOffsetLedger implements OffsetLedger {
    private final Map<TopicPartition, Map<String, Long>> offsets = new ConcurrentHashMap<>();

    @Override
    public long lastApplied(TopicPartition partition, String key) {
        Map<String, Long> keys = offsets.get(partition);
        Long offset = keys == null ? null : keys.get(key);
        return offset == null ? -1 : offset;
    }

    @Override
    public void applied(TopicPartition partition, String key, long offset) {
        Objects.requireNonNull(key, "key");
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be >= 0, was " + offset);
        }
        offsets.computeIfAbsent(partition, p -> new ConcurrentHashMap<>()).merge(key, offset, Math::max);
    }

    @Override
    public void committed(TopicPartition partition, long nextOffset) {
        Map<String, Long> keys = offsets.get(partition);
        if (keys != null) {
            keys.values().removeIf(offset -> offset < nextOffset);
        }
    }

    @Override
    public void forget(TopicPartition partition) {
        offsets.remove(partition);
    }

    @Override
    public Map<String, Long> snapshot(TopicPartition partition) {
        Map<String, Long> keys = offsets.get(partition);
        return keys == null ? Map.of() : Map.copyOf(keys);
    }
}
