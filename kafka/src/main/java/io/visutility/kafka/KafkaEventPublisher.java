package io.visutility.kafka;

import io.visutility.bus.Observer;
import io.visutility.event.MonitorEvent;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;

/**
 * Publishes the orchestrator's events to a Kafka topic so that other systems can subscribe to them:
 * subscribe it to the {@link io.visutility.bus.EventBus}. The key is the model name (one model's events
 * stay in order in one partition), the value the event's {@link EventJson} form, and the headers
 * {@value #TYPE_HEADER} and {@value #ID_HEADER} let a consumer filter without parsing. Metric samples are
 * left out unless asked for: they are the bulk of the traffic and already on the input topics.
 */
public final class KafkaEventPublisher implements Observer, AutoCloseable {
    /** Header with the event kind, such as {@code DriftDetected}. */
    public static final String TYPE_HEADER = "visutility-event-type";
    /** Header with the event id. */
    public static final String ID_HEADER = "visutility-event-id";

    private static final Logger LOG = LoggerFactory.getLogger(KafkaEventPublisher.class);

    private final Producer<String, String> producer;
    private final String topic;
    private final boolean metrics;
    private final LongAdder published = new LongAdder();
    private final LongAdder failed = new LongAdder();

    private KafkaEventPublisher(Builder b) {
        Map<String, Object> config = new HashMap<>(b.clientProperties);
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, b.bootstrapServers);
        config.putIfAbsent(ProducerConfig.ACKS_CONFIG, "all");
        this.producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
        this.topic = b.topic;
        this.metrics = b.metrics;
    }

    /** Starts configuring a publisher. */
    public static Builder builder() {
        return new Builder();
    }

    /** Sends {@code event} to the topic; returns at once (the producer batches and retries). */
    @Override
    public void onEvent(MonitorEvent event) {
        if (!metrics && event instanceof MonitorEvent.Metrics) {
            return;
        }
        RecordHeaders headers = new RecordHeaders();
        headers.add(TYPE_HEADER, event.getClass().getSimpleName().getBytes(StandardCharsets.UTF_8));
        headers.add(ID_HEADER, event.id().getBytes(StandardCharsets.UTF_8));
        producer.send(new ProducerRecord<>(topic, null, event.model(), EventJson.write(event), headers),
                (metadata, error) -> {
                    if (error == null) {
                        published.increment();
                    } else {
                        failed.increment();
                        LOG.warn("Event {} of {} was not published: {}", event.id(), event.model(), error.toString());
                    }
                });
    }

    /** Events the broker acknowledged. */
    public long published() {
        return published.sum();
    }

    /** Events the producer gave up on. */
    public long failed() {
        return failed.sum();
    }

    /** Sends what is buffered and closes the producer. */
    @Override
    public void close() {
        producer.close();
    }

    /** Configures a {@link KafkaEventPublisher}. */
    public static final class Builder {
        private String bootstrapServers;
        private String topic;
        private boolean metrics;
        private final Map<String, Object> clientProperties = new HashMap<>();

        private Builder() {
        }

        /** The brokers, as {@code host:port[,host:port...]}. Required. */
        public Builder bootstrapServers(String servers) {
            this.bootstrapServers = text("bootstrapServers", servers);
            return this;
        }

        /** The topic events go to. Required. */
        public Builder topic(String topic) {
            this.topic = text("topic", topic);
            return this;
        }

        /** Whether metric samples are published too; default false. */
        public Builder includeMetrics(boolean include) {
            this.metrics = include;
            return this;
        }

        /** A producer setting passed through, such as {@code security.protocol}. */
        public Builder clientProperty(String key, Object value) {
            text("clientProperty key", key);
            if (key.endsWith(".serializer")) {
                throw new IllegalArgumentException("clientProperty " + key + " is set by the publisher and cannot be overridden");
            }
            clientProperties.put(key, Objects.requireNonNull(value, "value of " + key));
            return this;
        }

        /** Builds the publisher, with its producer. */
        public KafkaEventPublisher build() {
            if (bootstrapServers == null) {
                throw new IllegalArgumentException("bootstrapServers is required");
            }
            if (topic == null) {
                throw new IllegalArgumentException("topic is required");
            }
            return new KafkaEventPublisher(this);
        }

        private static String text(String field, String value) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(field + " must not be blank, was " + (value == null ? "null" : "\"" + value + "\""));
            }
            return value;
        }
    }
}
