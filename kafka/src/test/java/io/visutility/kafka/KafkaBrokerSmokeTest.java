package io.visutility.kafka;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaBrokerSmokeTest {
    @Test
    void recordsSurviveRestart(@TempDir Path dir) throws Exception {
        try (KafkaBroker broker = KafkaBroker.start(dir)) {
            broker.createTopics(Map.of("t", 2));
            try (KafkaProducer<String, String> p = broker.producer()) {
                p.send(new ProducerRecord<>("t", "k", "v1")).get();
            }
            broker.stop();
            broker.start();
            try (KafkaProducer<String, String> p = broker.producer()) {
                p.send(new ProducerRecord<>("t", "k", "v2")).get();
            }
            assertThat(broker.read("t", 2, Duration.ofSeconds(20))).extracting(r -> r.value()).containsExactly("v1", "v2");
        }
    }
}
