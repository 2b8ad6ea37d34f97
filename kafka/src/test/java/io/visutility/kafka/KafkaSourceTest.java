package io.visutility.kafka;

import io.visutility.bus.EventBus;
import io.visutility.event.MonitorEvent;
import io.visutility.ingest.CheckpointStore;
import io.visutility.monitor.ModelMonitor;
import io.visutility.metrics.PerformanceMetrics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The source and the publisher against a real broker, shared by the tests (each uses its own topics). */
class KafkaSourceTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static KafkaBroker broker;
    private static KafkaProducer<String, String> producer;

    @BeforeAll
    static void startBroker(@TempDir Path dir) {
        broker = KafkaBroker.start(dir);
        producer = broker.producer();
    }

    @AfterAll
    static void stopBroker() {
        producer.close();
        broker.close();
    }

    @Test
    void recordsOfSeveralModelsReachTheSinkInOrderPerModel() {
        broker.createTopics(Map.of("order-metrics", 4, "order-predictions", 4, "order-labels", 4, "order-dlq", 1));
        int models = 20;
        int perModel = 5_000;
        Records.send(producer, "order-metrics", Records.metrics(models, perModel, 1_000));
        List<Map.Entry<String, String>> predictions = new ArrayList<>();
        List<Map.Entry<String, String>> labels = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            predictions.add(Map.entry("model-" + i % 3, "{\"id\":\"p-" + i + "\",\"features\":{\"x\":" + i + "},\"score\":0.5}"));
            labels.add(Map.entry("model-" + i % 3, "{\"id\":\"p-" + i + "\",\"label\":" + i % 2 + "}"));
        }
        Records.send(producer, "order-predictions", predictions);
        Records.send(producer, "order-labels", labels);
        RecordingSink sink = new RecordingSink(names(models));
        int expected = models * perModel + 100;

        try (KafkaSource source = source("order", sink, OffsetLedger.inMemory(), ModelStateHandover.none())
                .predictionsTopic("order-predictions").labelsTopic("order-labels").build().start()) {
            await().atMost(WAIT).until(() -> sink.total() > 0);
            long started = System.nanoTime();
            int first = sink.total();
            await().atMost(WAIT).until(() -> sink.total() >= expected);
            double seconds = (System.nanoTime() - started) / 1e9;
            // A figure for the record, not a check: performance is measured in bench.
            System.out.printf("kafka source: %d records in %.2f s after the first poll, %.0f records/s%n",
                    expected - first, seconds, (expected - first) / seconds);
            assertThat(source.stats().applied()).isEqualTo(expected);
            assertThat(source.stats().deadLettered()).isZero();
        }

        for (int m = 0; m < models; m++) {
            List<String> applied = sink.applied("model-" + m);
            assertThat(applied.stream().filter(e -> e.startsWith("m")).toList())
                    .isEqualTo(Records.expected(models, perModel, 1_000, m));
        }
        assertThat(sink.applied("model-1").stream().filter(e -> e.startsWith("p:")).toList())
                .isEqualTo(IntStream.range(0, 50).filter(i -> i % 3 == 1).mapToObj(i -> "p:p-" + i).toList());
        assertThat(sink.applied("model-2").stream().filter(e -> e.startsWith("l:")).toList())
                .isEqualTo(IntStream.range(0, 50).filter(i -> i % 3 == 2).mapToObj(i -> "l:p-" + i).toList());
    }

    @Test
    void malformedRecordsGoToTheDeadLetterTopicWithTheReasonAndConsumingGoesOn() {
        broker.createTopics(Map.of("bad-metrics", 2, "bad-dlq", 1));
        List<Map.Entry<String, String>> records = new ArrayList<>();
        records.add(Map.entry("model-0", Records.metric(1)));
        records.add(Map.entry("model-0", "{\"precision\":0.9,\"recall\":0.8,"));
        records.add(Map.entry("model-0", "{\"precision\":1.7,\"recall\":0.8}"));
        records.add(Map.entry("model-0", Records.metric(2)));
        records.add(Map.entry("nobody", Records.metric(3)));
        records.add(Map.entry("model-0", "[{\"precision\":0.9,\"recall\":0.8},{\"precision\":0.9,\"recall\":0.8,\"f1\":1}]"));
        records.add(Map.entry("model-0", "{\"precision\":0.5,\"recall\":0.5,\"timestamp\":4}"));
        records.add(Map.entry("model-0", Records.metric(5)));
        Records.send(producer, "bad-metrics", records);
        RecordingSink sink = new RecordingSink(names(1));

        try (KafkaSource source = source("bad", sink, OffsetLedger.inMemory(), ModelStateHandover.none()).build().start()) {
            await().atMost(WAIT).until(() -> source.stats().applied() + source.stats().deadLettered() >= records.size());
            assertThat(source.running()).isTrue();
        }

        assertThat(sink.applied("model-0")).containsExactly("m1", "m2", "m5");
        Map<String, String> reasons = new HashMap<>();
        for (ConsumerRecord<String, String> dead : broker.read("bad-dlq", 5, WAIT)) {
            assertThat(header(dead, DeadLetters.SOURCE_TOPIC)).isEqualTo("bad-metrics");
            assertThat(header(dead, DeadLetters.SOURCE_PARTITION)).matches("[01]");
            assertThat(header(dead, DeadLetters.SOURCE_OFFSET)).matches("\\d+");
            reasons.put(header(dead, DeadLetters.FIELD), dead.key() + " " + header(dead, DeadLetters.ERROR));
        }
        assertThat(reasons).hasSize(5);
        assertThat(reasons.get("body")).startsWith("model-0 body is not valid JSON");
        assertThat(reasons.get("precision")).isEqualTo("model-0 precision must be within [0, 1], was 1.7");
        assertThat(reasons.get("key")).isEqualTo("nobody no model named nobody");
        assertThat(reasons.get("[1].f1")).startsWith("model-0 [1].f1 is not a known field");
        assertThat(reasons.get("[0].precision")).isEqualTo("model-0 [0].precision 0.5 is refused here");
    }

    @Test
    void twoSourcesInOneGroupSplitThePartitionsAndHandModelsOver() {
        broker.createTopics(Map.of("split-metrics", 4, "split-dlq", 1));
        int models = 20;
        RecordingSink sink = new RecordingSink(names(models));
        OffsetLedger ledger = OffsetLedger.inMemory();
        Handovers first = new Handovers();
        Handovers second = new Handovers();
        Records.send(producer, "split-metrics", Records.metrics(models, 100, 0));

        try (KafkaSource a = source("split", sink, ledger, first).build().start()) {
            await().atMost(WAIT).until(() -> sink.total() == models * 100);
            try (KafkaSource b = source("split", sink, ledger, second).build().start()) {
                await().atMost(WAIT).until(() -> !second.restored.isEmpty());
                Records.send(producer, "split-metrics", Records.metrics(models, 100, 100_000));
                await().atMost(WAIT).until(() -> sink.total() >= models * 200);
                assertThat(a.stats().applied()).isPositive();
                assertThat(b.stats().applied()).isPositive();
                assertThat(a.stats().applied() + b.stats().applied()).isEqualTo(models * 200);
            }
        }

        for (int m = 0; m < models; m++) {
            List<String> expected = new ArrayList<>(Records.expected(models, 100, 0, m));
            expected.addAll(Records.expected(models, 100, 100_000, m));
            assertThat(sink.applied("model-" + m)).isEqualTo(expected);
        }
        // Every partition the second source took over had been saved by the first one as it gave it up,
        // with the models read from it.
        assertThat(second.restored).isNotEmpty();
        assertThat(first.saved.keySet()).containsAll(second.restored);
        assertThat(first.saved.values().stream().flatMap(Set::stream).distinct().count()).isEqualTo(models);
    }

    @Test
    void aSourceClosedCleanlyCommitsWhatItAppliedSoTheNextOneGoesOnFromThere() {
        broker.createTopics(Map.of("again-metrics", 2, "again-dlq", 1));
        RecordingSink sink = new RecordingSink(names(3));
        Records.send(producer, "again-metrics", Records.metrics(3, 100, 0));
        try (KafkaSource first = source("again", sink, OffsetLedger.inMemory(), ModelStateHandover.none()).build().start()) {
            await().atMost(WAIT).until(() -> sink.total() == 300);
        }
        Records.send(producer, "again-metrics", Records.metrics(3, 50, 10_000));

        // A fresh ledger: only the committed offsets keep the second source from applying anything again.
        try (KafkaSource second = source("again", sink, OffsetLedger.inMemory(), ModelStateHandover.none()).build().start()) {
            await().atMost(WAIT).until(() -> second.stats().applied() == 150);
        }

        for (int m = 0; m < 3; m++) {
            List<String> expected = new ArrayList<>(Records.expected(3, 100, 0, m));
            expected.addAll(Records.expected(3, 50, 10_000, m));
            assertThat(sink.applied("model-" + m)).isEqualTo(expected);
        }
    }

    @Test
    void aNewOwnerRestoresTheSavedStateAndReadsOnFromWhereItWasSaved() {
        broker.createTopics(Map.of("resume-metrics", 1, "resume-dlq", 1));
        Records.send(producer, "resume-metrics", Records.metrics(1, 30, 0));
        // The previous owner applied the first 20 records to its monitor, saved that state and died
        // before committing anything.
        ModelMonitor before = ModelMonitor.builder().bus(EventBus.builder().executor(Runnable::run).build()).build();
        for (int i = 0; i < 20; i++) {
            before.observe("model-0", PerformanceMetrics.of(0.9, 0.8));
        }
        CheckpointStore checkpoints = CheckpointStore.inMemory();
        ModelStateHandover.checkpoints(checkpoints, "resume-group", before)
                .save(new TopicPartition("resume-metrics", 0), 20, Set.of("model-0"));
        ModelMonitor after = ModelMonitor.builder().bus(EventBus.builder().executor(Runnable::run).build()).build();
        RecordingSink sink = new RecordingSink(names(1));

        try (KafkaSource source = source("resume", sink, OffsetLedger.inMemory(),
                ModelStateHandover.checkpoints(checkpoints, "resume-group", after)).build().start()) {
            await().atMost(WAIT).until(() -> sink.total() >= 10);
        }

        assertThat(sink.applied("model-0")).isEqualTo(Records.expected(1, 30, 0, 0).subList(20, 30));
        assertThat(after.status("model-0").orElseThrow()).usingRecursiveComparison().withComparatorForType(
                (x, y) -> Math.abs(x - y) < 1e-12 ? 0 : Double.compare(x, y), Double.class)
                .isEqualTo(before.status("model-0").orElseThrow());
        // On close the source saved where it stopped.
        assertThat(checkpoints.load("resume-group", "resume-metrics", 0).orElseThrow().nextOffset()).isEqualTo(30);
    }

    @Test
    void thePublisherSendsTheBusEventsToATopicThatReadsBackAsTheSameEvents() {
        broker.createTopics(Map.of("events", 2));
        Instant now = Instant.parse("2026-11-28T22:00:00Z");
        MonitorEvent drift = new MonitorEvent.DriftDetected(MonitorEvent.newId(), "model-1", now, "incident-1", 1,
                0.61, 0.58, 200, "window average 0.61 below 0.75");
        MonitorEvent promoted = new MonitorEvent.ModelPromoted(MonitorEvent.newId(), "model-1", now.plusSeconds(60), 2,
                1, "beats the champion", Map.of("f1", 0.83), Map.of("f1", 0.61));
        MonitorEvent sample = new MonitorEvent.Metrics(MonitorEvent.newId(), "model-2", now,
                PerformanceMetrics.of(0.9, 0.8));

        try (EventBus bus = EventBus.builder().executor(Runnable::run).build();
             KafkaEventPublisher publisher = KafkaEventPublisher.builder().bootstrapServers(broker.bootstrapServers())
                     .topic("events").build()) {
            bus.subscribe("kafka", publisher);
            bus.publish(drift);
            bus.publish(sample);
            bus.publish(promoted);
            await().atMost(WAIT).until(() -> publisher.published() == 2);
        }

        List<ConsumerRecord<String, String>> read = broker.read("events", 2, WAIT);
        assertThat(read).extracting(ConsumerRecord::key).containsExactly("model-1", "model-1");
        assertThat(read).extracting(r -> EventJson.read(r.value())).containsExactly(drift, promoted);
        assertThat(read).extracting(r -> header(r, KafkaEventPublisher.TYPE_HEADER))
                .containsExactly("DriftDetected", "ModelPromoted");
    }

    private static KafkaSource.Builder source(String prefix, RecordingSink sink, OffsetLedger ledger,
                                              ModelStateHandover handover) {
        return KafkaSource.builder().bootstrapServers(broker.bootstrapServers()).groupId(prefix + "-group")
                .metricsTopic(prefix + "-metrics").deadLetterTopic(prefix + "-dlq").sink(sink).ledger(ledger)
                .handover(handover).pollTimeout(Duration.ofMillis(50)).retryBackoff(Duration.ofMillis(100));
    }

    private static Set<String> names(int models) {
        return IntStream.range(0, models).mapToObj(m -> "model-" + m).collect(Collectors.toSet());
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Records the handover calls of one source; it keeps no state. */
    private static final class Handovers implements ModelStateHandover {
        final Set<TopicPartition> restored = ConcurrentHashMap.newKeySet();
        final Map<TopicPartition, Set<String>> saved = new ConcurrentHashMap<>();

        @Override
        public OptionalLong restore(TopicPartition partition) {
            restored.add(partition);
            return OptionalLong.empty();
        }

        @Override
        public void save(TopicPartition partition, long nextOffset, Set<String> models) {
            saved.put(partition, Set.copyOf(models));
        }
    }
}
