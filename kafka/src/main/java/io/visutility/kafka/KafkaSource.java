package io.visutility.kafka;

import io.visutility.ingest.IngestSink;
import io.visutility.kafka.internal.SourceCounters;
import io.visutility.kafka.internal.SourceLoop;
import io.visutility.kafka.internal.TopicKind;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.RangeAssignor;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Consumes metric reports, predictions and labels from Kafka and hands them to an {@link IngestSink}.
 * Each record's key is the model name and its value the JSON form of {@link io.visutility.ingest.IngestJson}
 * (one object or an array). One poll thread applies each partition's records in offset order, one sink
 * call per model; offsets are committed only after the sink returned, so delivery is at least once, and
 * the {@link OffsetLedger} skips records delivered again. A record that cannot be applied (no key, bad
 * JSON, an invalid field, an undeclared model) goes to the dead-letter topic with the reason in its
 * {@linkplain DeadLetters headers}, and consumption goes on. A sink failure of any other kind (the store
 * is down) makes the source read the same records again after a back-off. A {@link ModelStateHandover}
 * moves the models' monitor state with their partitions when the group rebalances.
 */
public final class KafkaSource implements AutoCloseable {
    private final SourceLoop loop;
    private final SourceCounters counters;
    private final Thread thread;
    private final Duration closeTimeout;

    private KafkaSource(Builder b) {
        this.counters = new SourceCounters();
        Map<String, Object> consumerConfig = new HashMap<>();
        consumerConfig.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, RangeAssignor.class.getName());
        consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumerConfig.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, b.maxPollRecords);
        consumerConfig.putAll(b.clientProperties);
        consumerConfig.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, b.bootstrapServers);
        consumerConfig.put(ConsumerConfig.GROUP_ID_CONFIG, b.groupId);
        consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        Map<String, Object> producerConfig = new HashMap<>(b.clientProperties);
        consumerOnly(producerConfig);
        producerConfig.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, b.bootstrapServers);
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        this.loop = new SourceLoop(
                new KafkaConsumer<>(consumerConfig, new ByteArrayDeserializer(), new ByteArrayDeserializer()),
                new KafkaProducer<>(producerConfig, new ByteArraySerializer(), new ByteArraySerializer()),
                b.deadLetterTopic, b.topics, b.sink, b.ledger, b.handover, counters, b.pollTimeout, b.retryBackoff,
                b.checkpointInterval, b.clock);
        this.closeTimeout = b.closeTimeout;
        this.thread = new Thread(loop, "visutility-kafka-" + b.groupId);
        this.thread.setDaemon(true);
    }

    /** Starts configuring a source. */
    public static Builder builder() {
        return new Builder();
    }

    /** Starts the poll thread; returns this source. */
    public KafkaSource start() {
        thread.start();
        return this;
    }

    /** Whether the poll thread is running. */
    public boolean running() {
        return thread.isAlive();
    }

    /** The error that stopped the poll thread, if one did. */
    public Optional<Throwable> failure() {
        return Optional.ofNullable(loop.failure());
    }

    /** Counts of what the source has done so far. */
    public Stats stats() {
        return new Stats(counters.applied(), counters.deadLettered(), counters.duplicates(), counters.retries());
    }

    /**
     * Stops polling, commits what was applied, saves the state of its partitions through the
     * {@link ModelStateHandover} and closes the clients; waits at most the close timeout.
     */
    @Override
    public void close() {
        loop.stop();
        if (thread.isAlive() && thread != Thread.currentThread()) {
            try {
                thread.join(closeTimeout.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void consumerOnly(Map<String, Object> config) {
        config.keySet().removeIf(key -> ConsumerConfig.configNames().contains(key)
                && !ProducerConfig.configNames().contains(key));
    }

    /**
     * What a source has done.
     *
     * @param applied      records the sink accepted
     * @param deadLettered records sent to the dead-letter topic
     * @param duplicates   records delivered again and skipped
     * @param retries      times records were read again after a sink or dead-letter failure
     */
    public record Stats(long applied, long deadLettered, long duplicates, long retries) {
    }

    /** Configures a {@link KafkaSource}; every setter checks its argument at once. */
    public static final class Builder {
        private static final Set<String> OWNED = Set.of(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, ConsumerConfig.GROUP_ID_CONFIG);

        private String bootstrapServers;
        private String groupId;
        private final Map<String, TopicKind> topics = new LinkedHashMap<>();
        private String deadLetterTopic;
        private IngestSink sink;
        private OffsetLedger ledger;
        private ModelStateHandover handover = ModelStateHandover.none();
        private final Map<String, Object> clientProperties = new HashMap<>();
        private int maxPollRecords = 2_000;
        private Duration pollTimeout = Duration.ofMillis(200);
        private Duration retryBackoff = Duration.ofSeconds(1);
        private Duration closeTimeout = Duration.ofSeconds(30);
        private Duration checkpointInterval = Duration.ofSeconds(30);
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /** The brokers to connect to, as {@code host:port[,host:port...]}. Required. */
        public Builder bootstrapServers(String servers) {
            this.bootstrapServers = text("bootstrapServers", servers);
            return this;
        }

        /** The consumer group; instances with the same group share the partitions. Required. */
        public Builder groupId(String groupId) {
            this.groupId = text("groupId", groupId);
            return this;
        }

        /** The topic of metric reports. */
        public Builder metricsTopic(String topic) {
            return topic("metricsTopic", topic, TopicKind.METRICS);
        }

        /** The topic of served predictions. */
        public Builder predictionsTopic(String topic) {
            return topic("predictionsTopic", topic, TopicKind.PREDICTIONS);
        }

        /** The topic of late labels. */
        public Builder labelsTopic(String topic) {
            return topic("labelsTopic", topic, TopicKind.LABELS);
        }

        /** Where records that cannot be applied go. Required. */
        public Builder deadLetterTopic(String topic) {
            this.deadLetterTopic = text("deadLetterTopic", topic);
            return this;
        }

        /** What takes the records in. Required. */
        public Builder sink(IngestSink sink) {
            this.sink = Objects.requireNonNull(sink, "sink");
            return this;
        }

        /** Where applied offsets are remembered; default a new in-memory ledger. */
        public Builder ledger(OffsetLedger ledger) {
            this.ledger = Objects.requireNonNull(ledger, "ledger");
            return this;
        }

        /**
         * The hook that restores a partition's model state when it is assigned and saves it when it is
         * revoked, every {@link #checkpointInterval} and on close; default none. See
         * {@link ModelStateHandover#checkpoints}.
         */
        public Builder handover(ModelStateHandover handover) {
            this.handover = Objects.requireNonNull(handover, "handover");
            return this;
        }

        /**
         * A Kafka client setting passed through to the consumer (and to the dead-letter producer where it
         * applies), such as {@code security.protocol} or {@code sasl.jaas.config}. The settings this source
         * relies on (auto commit, (de)serializers, servers, group) cannot be overridden.
         */
        public Builder clientProperty(String key, Object value) {
            text("clientProperty key", key);
            if (OWNED.contains(key)) {
                throw new IllegalArgumentException("clientProperty " + key + " is set by the source and cannot be overridden");
            }
            clientProperties.put(key, Objects.requireNonNull(value, "value of " + key));
            return this;
        }

        /** Most records one poll returns; default 2000. */
        public Builder maxPollRecords(int records) {
            if (records < 1) {
                throw new IllegalArgumentException("maxPollRecords must be >= 1, was " + records);
            }
            this.maxPollRecords = records;
            return this;
        }

        /** How long a poll waits for records; default 200 ms. */
        public Builder pollTimeout(Duration timeout) {
            this.pollTimeout = positive("pollTimeout", timeout);
            return this;
        }

        /** How long to wait before reading records again after a sink failure; default 1 s. */
        public Builder retryBackoff(Duration backoff) {
            this.retryBackoff = positive("retryBackoff", backoff);
            return this;
        }

        /**
         * How often the state of partitions that took records is saved through the handover, bounding what
         * a new owner reads again after this instance dies; default 30 s.
         */
        public Builder checkpointInterval(Duration interval) {
            this.checkpointInterval = positive("checkpointInterval", interval);
            return this;
        }

        /** The clock that times checkpoints; default the system clock. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** How long {@link KafkaSource#close()} waits for the poll thread; default 30 s. */
        public Builder closeTimeout(Duration timeout) {
            this.closeTimeout = positive("closeTimeout", timeout);
            return this;
        }

        /** Builds the source (not yet started). */
        public KafkaSource build() {
            require("bootstrapServers", bootstrapServers);
            require("groupId", groupId);
            require("deadLetterTopic", deadLetterTopic);
            require("sink", sink);
            if (topics.isEmpty()) {
                throw new IllegalArgumentException("at least one of metricsTopic, predictionsTopic, labelsTopic is required");
            }
            if (topics.containsKey(deadLetterTopic)) {
                throw new IllegalArgumentException("deadLetterTopic must differ from the input topics, was " + deadLetterTopic);
            }
            if (ledger == null) {
                ledger = OffsetLedger.inMemory();
            }
            return new KafkaSource(this);
        }

        private Builder topic(String field, String topic, TopicKind kind) {
            text(field, topic);
            topics.values().remove(kind);
            TopicKind other = topics.get(topic);
            if (other != null) {
                throw new IllegalArgumentException(field + " must differ from the other topics, was " + topic);
            }
            topics.put(topic, kind);
            return this;
        }

        private static String text(String field, String value) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(field + " must not be blank, was " + (value == null ? "null" : "\"" + value + "\""));
            }
            return value;
        }

        private static Duration positive(String field, Duration value) {
            if (value == null || value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(field + " must be positive, was " + value);
            }
            return value;
        }

        private static void require(String field, Object value) {
            if (value == null) {
                throw new IllegalArgumentException(field + " is required");
            }
        }
    }
}
