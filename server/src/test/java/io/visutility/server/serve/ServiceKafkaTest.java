package io.visutility.server.serve;

import io.visutility.kafka.KafkaBroker;
import io.visutility.server.config.ConfigException;
import io.visutility.server.config.ConfigLoader;
import io.visutility.server.config.ServerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** {@code serve} with a {@code kafka:} section consumes the topics into the orchestrator and dead-letters bad records. */
class ServiceKafkaTest {
    @TempDir
    Path dir;

    @Test
    void metricsFromKafkaReachTheMonitorAndBadRecordsTheDeadLetterTopic() throws Exception {
        try (KafkaBroker broker = KafkaBroker.start(dir.resolve("kafka"))) {
            broker.createTopics(Map.of("metrics", 2, "dlq", 1, "events", 1));
            Path file = dir.resolve("visutility.yaml");
            Files.writeString(file, """
                    storage:
                      dataDir: %s
                    server:
                      port: 0
                    models:
                      fraud:
                        features: [a, b]
                    kafka:
                      bootstrap.servers: %s
                      group.id: orchestrators
                      topics: {metrics: metrics, deadLetter: dlq, events: events}
                    """.formatted(dir.resolve("data"), broker.bootstrapServers()));
            ServerConfig config = ConfigLoader.load(file, Map.of());
            try (Service service = Service.start(config, List.of());
                 KafkaProducer<String, String> producer = broker.producer()) {
                for (int i = 0; i < 25; i++) {
                    producer.send(new ProducerRecord<>("metrics", "fraud", "{\"precision\":0.9,\"recall\":0.8}"));
                }
                producer.send(new ProducerRecord<>("metrics", "fraud", "{\"precision\":1.7,\"recall\":0.8}"));
                producer.send(new ProducerRecord<>("metrics", "ghost", "{\"precision\":0.5,\"recall\":0.5}"));
                producer.flush();

                await().atMost(Duration.ofSeconds(60)).until(() -> service.orchestrator().accepted("fraud", "metrics") == 25);
                List<ConsumerRecord<String, String>> dead = broker.read("dlq", 2, Duration.ofSeconds(60));
                assertThat(dead).hasSize(2);
                assertThat(dead).extracting(ConsumerRecord::key).containsExactlyInAnyOrder("fraud", "ghost");
                assertThat(service.orchestrator().monitor().status("fraud").orElseThrow().observed()).isEqualTo(25);
            }
        }
    }

    @Test
    void aKafkaSectionWithoutTopicsIsRefusedAtStart() throws Exception {
        Path file = dir.resolve("visutility.yaml");
        Files.writeString(file, "storage:\n  dataDir: " + dir.resolve("data") + "\nkafka:\n  bootstrap.servers: x:9092\n  topcs: {}\n");
        ServerConfig config = ConfigLoader.load(file, Map.of());

        assertThatThrownBy(() -> Service.start(config, List.of())).isInstanceOf(ConfigException.class)
                .hasMessageContaining("kafka.topcs: unknown key");
        assertThat(Files.exists(dir.resolve("data"))).isFalse();
    }
}
