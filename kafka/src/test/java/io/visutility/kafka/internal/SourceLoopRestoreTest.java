package io.visutility.kafka.internal;

import io.visutility.kafka.ModelStateHandover;
import io.visutility.kafka.OffsetLedger;
import io.visutility.kafka.RecordingSink;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The poll loop against Kafka's mock clients: what it does when a partition's state cannot be restored. */
class SourceLoopRestoreTest {
    private static final TopicPartition PARTITION = new TopicPartition("metrics", 0);

    @Test
    void aPartitionWhoseStateCannotBeRestoredWaitsAndThenReadsOnFromTheRestoredOffset() throws InterruptedException {
        MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("earliest");
        MockProducer<byte[], byte[]> producer = new MockProducer<>(true, null, new ByteArraySerializer(),
                new ByteArraySerializer());
        AtomicInteger restores = new AtomicInteger();
        AtomicBoolean restored = new AtomicBoolean();
        Map<TopicPartition, Long> saved = new ConcurrentHashMap<>();
        ModelStateHandover handover = new ModelStateHandover() {
            @Override
            public OptionalLong restore(TopicPartition partition) {
                if (restores.incrementAndGet() == 1) {
                    throw new IllegalStateException("store unavailable");
                }
                restored.set(true);
                return OptionalLong.of(1);
            }

            @Override
            public void save(TopicPartition partition, long nextOffset, Set<String> models) {
                saved.put(partition, nextOffset);
            }
        };
        RecordingSink sink = new RecordingSink(Set.of("a"));
        AtomicBoolean appliedBeforeRestore = new AtomicBoolean();
        sink.beforeCall((model, call) -> appliedBeforeRestore.compareAndSet(false, !restored.get()));
        SourceLoop loop = new SourceLoop(consumer, producer, "dlq", Map.of("metrics", TopicKind.METRICS), sink,
                OffsetLedger.inMemory(), handover, new SourceCounters(), Duration.ofMillis(10), Duration.ofMillis(10),
                Duration.ofHours(1), Clock.systemUTC());
        consumer.schedulePollTask(() -> {
            consumer.rebalance(List.of(PARTITION));
            consumer.updateBeginningOffsets(Map.of(PARTITION, 0L));
            for (int offset = 0; offset < 3; offset++) {
                consumer.addRecord(new ConsumerRecord<>("metrics", 0, offset, bytes("a"),
                        bytes("{\"precision\":0.9,\"recall\":0.8,\"timestamp\":" + offset + "}")));
            }
        });

        Thread thread = new Thread(loop, "source-loop-test");
        thread.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> sink.total() == 2);
        loop.stop();
        thread.join(10_000);

        assertThat(restores).hasValue(2);
        assertThat(appliedBeforeRestore).isFalse();
        assertThat(sink.applied("a")).containsExactly("m1", "m2");
        assertThat(saved).containsEntry(PARTITION, 3L);
        assertThat(loop.failure()).isNull();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
