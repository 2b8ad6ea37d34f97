package io.visutility.server.serve;

import io.visutility.bus.Subscription;
import io.visutility.kafka.KafkaEventPublisher;
import io.visutility.kafka.KafkaSource;
import io.visutility.kafka.ModelStateHandover;
import io.visutility.server.app.Orchestrator;
import io.visutility.server.config.ConfigException;
import io.visutility.store.Store;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The configuration's {@code kafka:} section at work: a {@link KafkaSource} feeding the orchestrator from
 * the metric, prediction and label topics (monitor state handed over through the store's checkpoints),
 * and optionally a {@link KafkaEventPublisher} of the orchestrator's events.
 *
 * <pre>
 * kafka:
 *   bootstrap.servers: broker:9092
 *   group.id: visutility                # default
 *   topics: {metrics: m, predictions: p, labels: l, deadLetter: dlq, events: e}
 *   client: {security.protocol: SASL_SSL, ...}   # passed to the Kafka clients as they are
 * </pre>
 */
final class KafkaIntake implements AutoCloseable {
    private static final Set<String> KEYS = Set.of("bootstrap.servers", "group.id", "topics", "client");
    private static final Set<String> TOPICS = Set.of("metrics", "predictions", "labels", "deadLetter", "events");

    private final KafkaSource source;
    private final KafkaEventPublisher publisher;
    private final Subscription subscription;

    private KafkaIntake(KafkaSource source, KafkaEventPublisher publisher, Subscription subscription) {
        this.source = source;
        this.publisher = publisher;
        this.subscription = subscription;
    }

    /** Checks the section without starting anything. */
    static void check(Map<String, Object> kafka) {
        for (String key : kafka.keySet()) {
            if (!KEYS.contains(key)) {
                throw new ConfigException("kafka." + key + ": unknown key (known: " + String.join(", ", KEYS.stream().sorted().toList()) + ")");
            }
        }
        Map<String, Object> topics = map(kafka.get("topics"), "kafka.topics");
        for (String key : topics.keySet()) {
            if (!TOPICS.contains(key) || !(topics.get(key) instanceof String s) || s.isBlank()) {
                throw new ConfigException("kafka.topics." + key + ": must be one of " + TOPICS + " naming a topic, was "
                        + topics.get(key));
            }
        }
        if (!topics.containsKey("deadLetter") || !(topics.containsKey("metrics") || topics.containsKey("predictions")
                || topics.containsKey("labels"))) {
            throw new ConfigException("kafka.topics: needs deadLetter and at least one of metrics, predictions, labels");
        }
        map(kafka.get("client"), "kafka.client");
    }

    /** Starts consuming (and publishing) as the section says. */
    static KafkaIntake start(Map<String, Object> kafka, Orchestrator orchestrator, Store store) {
        check(kafka);
        String servers = (String) kafka.get("bootstrap.servers");
        String group = kafka.get("group.id") instanceof String g ? g : "visutility";
        Map<String, Object> topics = map(kafka.get("topics"), "kafka.topics");
        Map<String, Object> client = map(kafka.get("client"), "kafka.client");
        KafkaSource.Builder b = KafkaSource.builder().bootstrapServers(servers).groupId(group)
                .deadLetterTopic((String) topics.get("deadLetter")).sink(orchestrator)
                .handover(ModelStateHandover.checkpoints(store.checkpoints(), group, orchestrator.monitor()));
        if (topics.get("metrics") instanceof String t) {
            b.metricsTopic(t);
        }
        if (topics.get("predictions") instanceof String t) {
            b.predictionsTopic(t);
        }
        if (topics.get("labels") instanceof String t) {
            b.labelsTopic(t);
        }
        client.forEach(b::clientProperty);
        KafkaSource source = b.build().start();
        KafkaEventPublisher publisher = null;
        Subscription subscription = null;
        if (topics.get("events") instanceof String t) {
            KafkaEventPublisher.Builder p = KafkaEventPublisher.builder().bootstrapServers(servers).topic(t);
            client.forEach(p::clientProperty);
            publisher = p.build();
            subscription = orchestrator.bus().subscribe("kafka-events", publisher);
        }
        return new KafkaIntake(source, publisher, subscription);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value, String path) {
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> m)) {
            throw new ConfigException(path + ": must be a map, was " + value);
        }
        return new LinkedHashMap<>((Map<String, Object>) m);
    }

    /** Stops consuming first (committing what was applied), then stops publishing. */
    @Override
    public void close() {
        source.close();
        if (subscription != null) {
            subscription.close();
        }
        if (publisher != null) {
            publisher.close();
        }
    }
}
