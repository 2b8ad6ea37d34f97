package io.visutility.kafka.internal;

import io.visutility.ingest.IngestSink;
import io.visutility.kafka.ModelStateHandover;
import io.visutility.kafka.OffsetLedger;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The poll thread of a source: poll, apply each partition's records, commit what was applied. Offsets
 * are committed only for records the sink has returned from (or that were dead-lettered); commits run
 * asynchronously while polling and synchronously when partitions are revoked and on close.
 */
public final class SourceLoop implements Runnable, ConsumerRebalanceListener {
    private static final Logger LOG = LoggerFactory.getLogger(SourceLoop.class);

    private final Consumer<byte[], byte[]> consumer;
    private final Producer<byte[], byte[]> producer;
    private final Map<String, TopicKind> topics;
    private final OffsetLedger ledger;
    private final ModelStateHandover handover;
    private final SourceCounters counters;
    private final RecordProcessor processor;
    private final Duration pollTimeout;
    private final Duration retryBackoff;
    private final Duration checkpointInterval;
    private final Clock clock;

    // Touched only by the poll thread (rebalance and commit callbacks run inside poll and commit calls).
    private final Map<TopicPartition, OffsetAndMetadata> processed = new HashMap<>();
    private final Map<TopicPartition, OffsetAndMetadata> uncommitted = new HashMap<>();
    private final Map<TopicPartition, Set<String>> modelsByPartition = new HashMap<>();
    private final Set<TopicPartition> unsaved = new HashSet<>();
    private final Set<TopicPartition> unrestored = new HashSet<>();
    private Instant nextCheckpoint;

    private final CountDownLatch closing = new CountDownLatch(1);
    private volatile boolean running = true;
    private volatile Throwable failure;

    /** Wires a loop; {@link #run()} it on its own thread. */
    public SourceLoop(Consumer<byte[], byte[]> consumer, Producer<byte[], byte[]> producer, String deadLetterTopic,
                      Map<String, TopicKind> topics, IngestSink sink, OffsetLedger ledger,
                      ModelStateHandover handover, SourceCounters counters, Duration pollTimeout, Duration retryBackoff,
                      Duration checkpointInterval, Clock clock) {
        this.consumer = consumer;
        this.producer = producer;
        this.topics = Map.copyOf(topics);
        this.ledger = ledger;
        this.handover = handover;
        this.counters = counters;
        this.pollTimeout = pollTimeout;
        this.retryBackoff = retryBackoff;
        this.checkpointInterval = checkpointInterval;
        this.clock = clock;
        this.processor = new RecordProcessor(sink, ledger, new ProducerDeadLetterSink(producer, deadLetterTopic),
                counters);
    }

    @Override
    public void run() {
        try {
            consumer.subscribe(topics.keySet(), this);
            nextCheckpoint = clock.instant().plus(checkpointInterval);
            while (running) {
                if (!unrestored.isEmpty()) {
                    restore(Set.copyOf(unrestored));
                }
                ConsumerRecords<byte[], byte[]> records = consumer.poll(pollTimeout);
                if (!records.isEmpty()) {
                    apply(records);
                }
                commitAsync();
                if (!clock.instant().isBefore(nextCheckpoint)) {
                    save(Set.copyOf(unsaved));
                    nextCheckpoint = clock.instant().plus(checkpointInterval);
                }
            }
        } catch (WakeupException e) {
            if (running) {
                failure = e;
            }
        } catch (RuntimeException | Error e) {
            failure = e;
            LOG.error("Kafka source stopped: {}", e.toString(), e);
        } finally {
            finish();
        }
    }

    /** Asks the loop to stop; it commits what it applied, saves its partitions' state and closes the clients. */
    public void stop() {
        running = false;
        closing.countDown();
        consumer.wakeup();
    }

    /** The error that stopped the loop, or null. */
    public Throwable failure() {
        return failure;
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        if (partitions.isEmpty()) {
            return;
        }
        producer.flush();
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition partition : partitions) {
            OffsetAndMetadata offset = processed.get(partition);
            if (offset != null) {
                offsets.put(partition, offset);
            }
        }
        commitSync(offsets);
        save(partitions);
        forget(partitions);
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
        forget(partitions);
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
        restore(partitions);
    }

    /**
     * Loads the saved state of each partition and seeks to where it was saved. A partition whose state
     * cannot be loaded yet (the store is away) is paused and tried again before each poll, so that no
     * record is applied to a state that is not the partition's.
     */
    private void restore(Collection<TopicPartition> partitions) {
        for (TopicPartition partition : partitions) {
            try {
                OptionalLong next = handover.restore(partition);
                if (next.isPresent()) {
                    ledger.forget(partition);
                    consumer.seek(partition, next.getAsLong());
                }
                if (unrestored.remove(partition)) {
                    consumer.resume(List.of(partition));
                }
            } catch (RuntimeException e) {
                if (unrestored.add(partition)) {
                    LOG.warn("Cannot restore the state of {}; it waits until it can: {}", partition, e.toString());
                    consumer.pause(List.of(partition));
                } else {
                    backOff();
                }
            }
        }
    }

    private void save(Collection<TopicPartition> partitions) {
        for (TopicPartition partition : partitions) {
            OffsetAndMetadata next = processed.get(partition);
            if (next == null || !unsaved.contains(partition)) {
                continue;
            }
            try {
                handover.save(partition, next.offset(), modelsByPartition.getOrDefault(partition, Set.of()));
                unsaved.remove(partition);
            } catch (RuntimeException e) {
                // The next owner restores an older state and reads on from there: nothing is lost.
                LOG.warn("Cannot save the state of {} at offset {}: {}", partition, next.offset(), e.toString());
            }
        }
    }

    private void apply(ConsumerRecords<byte[], byte[]> records) {
        List<TopicPartition> partitions = new ArrayList<>(records.partitions());
        for (int i = 0; i < partitions.size(); i++) {
            TopicPartition partition = partitions.get(i);
            List<ConsumerRecord<byte[], byte[]>> batch = records.records(partition);
            try {
                List<String> models = processor.process(partition, topics.get(partition.topic()), batch);
                modelsByPartition.computeIfAbsent(partition, p -> new HashSet<>()).addAll(models);
            } catch (WakeupException e) {
                throw e;
            } catch (RuntimeException e) {
                LOG.warn("Applying records of {} failed; reading them again in {}: {}", partition, retryBackoff,
                        e.toString());
                counters.retry();
                for (TopicPartition rest : partitions.subList(i, partitions.size())) {
                    consumer.seek(rest, records.records(rest).get(0).offset());
                }
                backOff();
                return;
            }
            OffsetAndMetadata next = new OffsetAndMetadata(batch.get(batch.size() - 1).offset() + 1);
            processed.put(partition, next);
            uncommitted.put(partition, next);
            unsaved.add(partition);
        }
    }

    private void commitAsync() {
        if (uncommitted.isEmpty()) {
            return;
        }
        Map<TopicPartition, OffsetAndMetadata> offsets = Map.copyOf(uncommitted);
        uncommitted.clear();
        consumer.commitAsync(offsets, (done, error) -> {
            if (error == null) {
                done.forEach((partition, offset) -> ledger.committed(partition, offset.offset()));
            } else {
                LOG.debug("commit failed, will commit again: {}", error.toString());
                offsets.forEach((partition, offset) -> {
                    if (offset.equals(processed.get(partition))) {
                        uncommitted.putIfAbsent(partition, offset);
                    }
                });
            }
        });
    }

    private void commitSync(Map<TopicPartition, OffsetAndMetadata> offsets) {
        if (offsets.isEmpty()) {
            return;
        }
        try {
            try {
                consumer.commitSync(offsets);
            } catch (WakeupException e) {
                // stop() woke the consumer while it was not polling; the wake-up is spent, commit again.
                consumer.commitSync(offsets);
            }
            offsets.forEach((partition, offset) -> ledger.committed(partition, offset.offset()));
        } catch (KafkaException e) {
            // At least once: the next owner reads these records again and the ledger skips them.
            LOG.warn("Cannot commit {}: {}", offsets, e.toString());
        }
    }

    private void forget(Collection<TopicPartition> partitions) {
        for (TopicPartition partition : partitions) {
            modelsByPartition.remove(partition);
            processed.remove(partition);
            uncommitted.remove(partition);
            unsaved.remove(partition);
            unrestored.remove(partition);
        }
    }

    private void backOff() {
        try {
            closing.await(retryBackoff.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private void finish() {
        try {
            producer.flush();
            commitSync(Map.copyOf(processed));
            save(Set.copyOf(unsaved));
            forget(Set.copyOf(processed.keySet()));
        } catch (RuntimeException e) {
            LOG.warn("Kafka source did not finish cleanly: {}", e.toString());
        } finally {
            closeQuietly(consumer);
            closeQuietly(producer);
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            LOG.warn("closing {} failed: {}", closeable.getClass().getSimpleName(), e.toString());
        }
    }
}
