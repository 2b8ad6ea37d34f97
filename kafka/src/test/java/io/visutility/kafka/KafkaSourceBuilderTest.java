package io.visutility.kafka;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KafkaSourceBuilderTest {
    private static KafkaSource.Builder valid() {
        return KafkaSource.builder().bootstrapServers("localhost:9092").groupId("g").metricsTopic("m")
                .deadLetterTopic("dlq").sink(new RecordingSink(Set.of()));
    }

    @Test
    void eachBadSettingIsRefusedWithItsNameAndValue() {
        assertThatThrownBy(() -> KafkaSource.builder().bootstrapServers(" "))
                .hasMessage("bootstrapServers must not be blank, was \" \"");
        assertThatThrownBy(() -> KafkaSource.builder().groupId(null)).hasMessage("groupId must not be blank, was null");
        assertThatThrownBy(() -> KafkaSource.builder().maxPollRecords(0)).hasMessage("maxPollRecords must be >= 1, was 0");
        assertThatThrownBy(() -> KafkaSource.builder().pollTimeout(Duration.ZERO)).hasMessage("pollTimeout must be positive, was PT0S");
        assertThatThrownBy(() -> KafkaSource.builder().retryBackoff(Duration.ofSeconds(-1)))
                .hasMessage("retryBackoff must be positive, was PT-1S");
        assertThatThrownBy(() -> KafkaSource.builder().clientProperty("enable.auto.commit", true))
                .hasMessage("clientProperty enable.auto.commit is set by the source and cannot be overridden");
        assertThatThrownBy(() -> KafkaSource.builder().metricsTopic("t").labelsTopic("t"))
                .hasMessage("labelsTopic must differ from the other topics, was t");
    }

    @Test
    void whatIsMissingOrClashesIsRefusedAtBuild() {
        assertThatThrownBy(() -> KafkaSource.builder().groupId("g").build()).hasMessage("bootstrapServers is required");
        assertThatThrownBy(() -> valid().deadLetterTopic("m").build())
                .hasMessage("deadLetterTopic must differ from the input topics, was m");
        assertThatThrownBy(() -> KafkaSource.builder().bootstrapServers("b").groupId("g").deadLetterTopic("d")
                .sink(new RecordingSink(Set.of())).build())
                .hasMessage("at least one of metricsTopic, predictionsTopic, labelsTopic is required");
    }
}
