package io.visutility.kafka;

import io.visutility.kafka.internal.InMemoryOffsetLedger;
import org.apache.kafka.common.TopicPartition;

import java.util.Map;

/**
 * Remembers, per partition and model, the offset of the last record whose effect was applied, so that a
 * record delivered again (after a failed commit, a broker restart or a rebalance) changes nothing twice.
 * Entries below a partition's committed offset can never be asked for again and are pruned.
 *
 * <p>A ledger that outlives the process (a table in the store) must be written in the same transaction
 * as the records' effects; the in-memory one serves one process, or several sources in one process that
 * hand partitions to each other.
 */
public interface OffsetLedger {
    /** The offset of the last applied record of {@code key} in {@code partition}, or -1 when none is known. */
    long lastApplied(TopicPartition partition, String key);

    /** Notes that every record of {@code key} in {@code partition} up to {@code offset} has been applied. */
    void applied(TopicPartition partition, String key, long offset);

    /**
     * Notes that the consumer group committed {@code nextOffset} for {@code partition}: no record below it
     * will be delivered again, so the entries below it may be dropped.
     */
    void committed(TopicPartition partition, long nextOffset);

    /**
     * Forgets everything about {@code partition}: its records will be applied again, as when the state
     * they built was replaced by an older saved one that they must be applied to once more.
     */
    void forget(TopicPartition partition);

    /** A copy of what the ledger holds for {@code partition}: key to last applied offset. */
    Map<String, Long> snapshot(TopicPartition partition);

    /** A new, empty ledger held in memory and safe to share between threads. */
    static OffsetLedger inMemory() {
        return new InMemoryOffsetLedger();
    }
}
