package io.visutility.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.visutility.metrics.PerformanceMetrics;
import io.visutility.tuning.HyperParams;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Pins that every kind of event survives JSON (the dashboard stream, webhooks, the event log) unchanged and named. */
class MonitorEventJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .findAndRegisterModules();

    @ParameterizedTest
    @ValueSource(longs = {1, 7, 42, 2026, -99})
    void everyEventKindRoundTripsToAnEqualEventWithItsTypeNamed(long seed) throws Exception {
        List<MonitorEvent> events = samples(new Random(seed));
        assertThat(events.stream().map(e -> e.getClass().getName()))
                .as("one sample of every kind, so a new kind cannot go untested")
                .containsExactlyInAnyOrderElementsOf(Stream.of(MonitorEvent.class.getPermittedSubclasses())
                        .map(Class::getName).toList());

        for (MonitorEvent event : events) {
            String json = JSON.writeValueAsString(event);
            JsonNode tree = JSON.readTree(json);

            assertThat(tree.get("type").asText()).as(json).isEqualTo(event.getClass().getSimpleName());
            assertThat(tree.get("id").asText()).isEqualTo(event.id());
            assertThat(tree.has("critical")).as("critical is derived, not data: " + json).isFalse();
            assertThat(JSON.readValue(json, MonitorEvent.class)).as(json).isEqualTo(event);
        }
    }

    private static List<MonitorEvent> samples(Random r) {
        String model = "model-" + r.nextInt(1000);
        String jobId = id(r);
        String incident = id(r);
        return List.of(
                new MonitorEvent.Metrics(id(r), model, time(r), PerformanceMetrics.of(r.nextDouble(), r.nextDouble())),
                new MonitorEvent.DriftDetected(id(r), model, time(r), incident, 1 + r.nextInt(5), r.nextDouble(),
                        r.nextDouble(), 1 + r.nextInt(100), "mean F1 " + r.nextDouble() + " < minF1 0.6"),
                new MonitorEvent.Recovered(id(r), model, time(r), r.nextBoolean() ? incident : null, r.nextDouble(),
                        r.nextDouble()),
                new MonitorEvent.RetrainRequested(id(r), model, time(r), jobId, r.nextBoolean() ? incident : null),
                new MonitorEvent.RetrainSkipped(id(r), model, time(r), id(r), jobId, "already active"),
                new MonitorEvent.TrialCompleted(id(r), model, time(r), jobId, r.nextInt(20), params(r),
                        r.nextBoolean() ? Map.of() : metrics(r), r.nextBoolean() ? null : "trial failed: " + r.nextInt()),
                new MonitorEvent.ModelRegistered(id(r), model, time(r), 1 + r.nextInt(50), sha256(r), jobId),
                new MonitorEvent.ModelPromoted(id(r), model, time(r), 2 + r.nextInt(50),
                        r.nextBoolean() ? null : 1, "f1 beats champion's", metrics(r), r.nextBoolean() ? Map.of() : metrics(r)),
                new MonitorEvent.PromotionRejected(id(r), model, time(r), 2 + r.nextInt(50), 1, "does not beat",
                        metrics(r), metrics(r)),
                new MonitorEvent.RetrainFailed(id(r), model, time(r), jobId, "all 3 trials failed", r.nextBoolean()));
    }

    private static String id(Random r) {
        return new UUID(r.nextLong(), r.nextLong()).toString();
    }

    private static Instant time(Random r) {
        return Instant.ofEpochSecond(1_767_225_600L + r.nextInt(100_000_000), r.nextInt(1_000_000_000));
    }

    private static HyperParams params(Random r) {
        return HyperParams.of("learning_rate", r.nextDouble(), "max_depth", 1 + r.nextInt(16),
                "booster", r.nextBoolean() ? "gbtree" : "dart", "early_stop", r.nextBoolean(),
                "round_lr", (double) r.nextInt(3));
    }

    private static Map<String, Double> metrics(Random r) {
        return Map.of("precision", r.nextDouble(), "recall", r.nextDouble(), "f1", r.nextDouble(),
                "auc", r.nextDouble());
    }

    private static String sha256(Random r) {
        byte[] bytes = new byte[32];
        r.nextBytes(bytes);
        StringBuilder hex = new StringBuilder();
        for (byte b : bytes) {
            hex.append(String.format("%02x", b));
        }
        return hex.toString();
    }
}
