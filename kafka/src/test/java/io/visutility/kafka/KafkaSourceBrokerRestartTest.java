package io.visutility.kafka;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The broker goes away and comes back while the source is in the middle of a stream. */
class KafkaSourceBrokerRestartTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void noRecordIsLostAndNoneIsAppliedTwiceAcrossABrokerRestartAndAStoreHiccup(@TempDir Path dir) throws Exception {
        int models = 12;
        int perModel = 1_000;
        RecordingSink sink = new RecordingSink(IntStream.range(0, models).mapToObj(m -> "model-" + m)
                .collect(Collectors.toSet()));
        CountDownLatch inSink = new CountDownLatch(1);
        CountDownLatch brokerBack = new CountDownLatch(1);
        sink.beforeCall((model, call) -> {
            if (call == 20) {
                // Mid-stream: this sink call waits while the broker is stopped and started again.
                inSink.countDown();
                waitFor(brokerBack);
            }
            if (call == 60) {
                throw new IllegalStateException("store briefly unavailable");
            }
        });

        try (KafkaBroker broker = KafkaBroker.start(dir)) {
            broker.createTopics(Map.of("metrics", 3, "dlq", 1));
            try (KafkaProducer<String, String> producer = broker.producer()) {
                Records.send(producer, "metrics", Records.metrics(models, perModel, 0));
            }
            try (KafkaSource source = KafkaSource.builder().bootstrapServers(broker.bootstrapServers())
                    .groupId("restart").metricsTopic("metrics").deadLetterTopic("dlq").sink(sink)
                    .maxPollRecords(200).pollTimeout(Duration.ofMillis(50)).retryBackoff(Duration.ofMillis(100))
                    .clientProperty("session.timeout.ms", 10_000).clientProperty("heartbeat.interval.ms", 1_000)
                    .build().start()) {
                assertThat(inSink.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
                broker.stop();
                broker.start();
                brokerBack.countDown();
                try (KafkaProducer<String, String> producer = broker.producer()) {
                    Records.send(producer, "metrics", Records.metrics(models, perModel, 1_000_000));
                }
                await().atMost(WAIT).until(() -> sink.total() >= 2 * models * perModel);
                assertThat(source.stats().retries()).isPositive();
                System.out.println("kafka source across a broker restart: " + source.stats());
                assertThat(source.running()).isTrue();
            }
        }

        for (int m = 0; m < models; m++) {
            List<String> expected = new ArrayList<>(Records.expected(models, perModel, 0, m));
            expected.addAll(Records.expected(models, perModel, 1_000_000, m));
            assertThat(sink.applied("model-" + m)).as("model-" + m).isEqualTo(expected);
        }
    }

    private static void waitFor(CountDownLatch latch) {
        try {
            if (!latch.await(WAIT.toSeconds(), TimeUnit.SECONDS)) {
                throw new IllegalStateException("the broker did not come back");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
