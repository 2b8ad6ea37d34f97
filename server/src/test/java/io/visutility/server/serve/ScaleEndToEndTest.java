package io.visutility.server.serve;

import io.visutility.jobs.Job;
import io.visutility.jobs.JobState;
import io.visutility.kafka.KafkaBroker;
import io.visutility.server.app.ModelSpec;
import io.visutility.server.config.ServerConfig;
import io.visutility.server.http.ApiSettings;
import io.visutility.store.PostgresServer;
import io.visutility.store.StoreConfig;
import io.visutility.training.Dataset;
import io.visutility.training.SeaGenerator;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Past one machine, end to end: metric reports for 100 models go through Kafka to two {@code serve}
 * instances in one consumer group on one PostgreSQL database; the 10 models that degrade get exactly 10
 * retrain jobs between them, and every record produced is either applied or dead-lettered.
 */
class ScaleEndToEndTest {
    private static final int MODELS = 100;
    private static final int DEGRADING = 10;
    private static final int REPORTS = 30;

    @TempDir
    Path dir;

    @Test
    void tenDegradingModelsOfAHundredGetTenRetrainsAcrossTwoInstances() throws Exception {
        StoreConfig db = PostgresServer.shared().freshSchema(dir.resolve("artifacts"));
        Path csv = csv();
        List<ModelSpec> specs = IntStream.range(0, MODELS).mapToObj(i -> ModelSpec.xgboost(model(i), SeaGenerator.FEATURES)
                .withDataset("csv:" + csv).withTrials(1)).toList();
        try (KafkaBroker broker = KafkaBroker.start(dir.resolve("kafka"))) {
            broker.createTopics(Map.of("metrics", 6, "dlq", 1));
            Map<String, Object> kafka = Map.of("bootstrap.servers", broker.bootstrapServers(), "group.id", "orchestrators",
                    "topics", Map.of("metrics", "metrics", "deadLetter", "dlq"));
            ServerConfig config = new ServerConfig(dir.resolve("unused"), new ServerConfig.Postgres(db.jdbcUrl(),
                    db.user(), db.password()), db.artifactsDir(), ApiSettings.loopback(0), 1, specs, kafka);
            try (Service a = Service.start(config, List.of()); Service b = Service.start(config, List.of());
                 KafkaProducer<String, String> producer = broker.producer()) {
                // Healthy rounds of one report per model until both instances apply some: the group has
                // settled (a partition handed over carries its models' state, so counts stay exact).
                int[] rounds = {0};
                await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                    mark(a);
                    mark(b);
                    for (int i = 0; i < MODELS; i++) {
                        producer.send(new ProducerRecord<>("metrics", model(i), healthy()));
                    }
                    producer.flush();
                    int now = ++rounds[0];
                    await().atMost(Duration.ofSeconds(60)).until(() -> counted(a, b, now));
                    return applied(a) > before(a) && applied(b) > before(b);
                });

                Random random = new Random(20261128);
                int valid = MODELS * rounds[0];
                int malformed = 0;
                for (int r = 0; r < REPORTS; r++) {
                    for (int i = 0; i < MODELS; i++) {
                        boolean bad = i < DEGRADING && r >= REPORTS / 2;
                        producer.send(new ProducerRecord<>("metrics", model(i), bad ? degraded() : healthy()));
                        valid++;
                        if (random.nextInt(500) == 0) {
                            producer.send(new ProducerRecord<>("metrics", model(i), "{\"precision\":7}"));
                            malformed++;
                        }
                    }
                }
                producer.flush();
                int expected = valid;
                int dead = malformed;

                int perModel = rounds[0] + REPORTS;
                await().atMost(Duration.ofSeconds(180)).until(() -> counted(a, b, perModel)
                        && deadLettered(a) + deadLettered(b) == dead);
                assertThat(expected).isEqualTo(MODELS * perModel);
                await().atMost(Duration.ofSeconds(240)).until(() -> jobs(a).size() == DEGRADING
                        && jobs(a).stream().noneMatch(j -> j.state().isActive()));
                List<Job> jobs = jobs(a);
                assertThat(jobs).extracting(Job::model).containsExactlyInAnyOrderElementsOf(
                        IntStream.range(0, DEGRADING).mapToObj(ScaleEndToEndTest::model).toList());
                assertThat(jobs).allMatch(j -> j.state() == JobState.SUCCEEDED);
                assertThat(broker.read("dlq", dead, Duration.ofSeconds(30))).hasSize(dead);
                for (int i = 0; i < DEGRADING; i++) {
                    assertThat(a.store().registry().versions(model(i))).hasSize(1);
                }
                assertThat(a.store().registry().models()).hasSize(DEGRADING);
            }
        }
    }

    /**
     * Whether each model's monitor, at whichever instance owns it now, has counted exactly {@code reports}:
     * a model's state moves with its partition, so the owner's count covers every record once.
     */
    private static boolean counted(Service a, Service b, long reports) {
        for (int i = 0; i < MODELS; i++) {
            long seen = Math.max(observed(a, model(i)), observed(b, model(i)));
            if (seen != reports) {
                return false;
            }
        }
        return true;
    }

    private static long observed(Service s, String model) {
        return s.orchestrator().monitor().status(model).map(st -> st.observed()).orElse(0L);
    }

    private final Map<Service, Long> marks = new java.util.IdentityHashMap<>();

    private void mark(Service s) {
        marks.put(s, applied(s));
    }

    private long before(Service s) {
        return marks.getOrDefault(s, 0L);
    }

    private static long applied(Service s) {
        long sum = 0;
        for (int i = 0; i < MODELS; i++) {
            sum += s.orchestrator().accepted(model(i), "metrics");
        }
        return sum;
    }

    private static long deadLettered(Service s) {
        return s.kafkaStats().map(st -> st.deadLettered()).orElse(0L);
    }

    private static List<Job> jobs(Service s) {
        return s.store().jobs().list(null);
    }

    private static String model(int i) {
        return "model-" + i;
    }

    private static String healthy() {
        return "{\"precision\":0.9,\"recall\":0.88}";
    }

    private static String degraded() {
        return "{\"precision\":0.3,\"recall\":0.35}";
    }

    private Path csv() throws Exception {
        Dataset data = SeaGenerator.seeded(9).next(1, 400);
        StringBuilder out = new StringBuilder("f1,f2,f3,label\n");
        for (int r = 0; r < data.rows(); r++) {
            out.append(data.feature(r, 0)).append(',').append(data.feature(r, 1)).append(',')
                    .append(data.feature(r, 2)).append(',').append(data.label(r)).append('\n');
        }
        Path file = dir.resolve("data.csv");
        Files.writeString(file, out);
        return file;
    }

}
