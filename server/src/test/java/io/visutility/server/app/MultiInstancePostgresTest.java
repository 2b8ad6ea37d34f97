package io.visutility.server.app;

import io.visutility.jobs.EnqueueResult;
import io.visutility.jobs.Job;
import io.visutility.jobs.JobState;
import io.visutility.store.PostgresServer;
import io.visutility.store.Store;
import io.visutility.store.StoreConfig;
import io.visutility.training.Dataset;
import io.visutility.training.SeaGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Several orchestrator instances on one PostgreSQL database share the retrain work safely. */
class MultiInstancePostgresTest {
    static final Duration LEASE = Duration.ofSeconds(3);
    private static final PostgresServer server = PostgresServer.shared();

    @TempDir
    Path dir;

    static ModelSpec spec(String model, Path csv, int trials) {
        return ModelSpec.xgboost(model, SeaGenerator.FEATURES).withDataset("csv:" + csv).withTrials(trials);
    }

    private Path csv(int rows) throws IOException {
        Dataset data = SeaGenerator.seeded(5).next(2, rows);
        StringBuilder out = new StringBuilder("f1,f2,f3,label\n");
        for (int r = 0; r < rows; r++) {
            out.append(data.feature(r, 0)).append(',').append(data.feature(r, 1)).append(',')
                    .append(data.feature(r, 2)).append(',').append(data.label(r)).append('\n');
        }
        Path file = dir.resolve("sea.csv");
        Files.writeString(file, out);
        return file;
    }

    @Test
    void oneRequestFromEachInstanceMakesOneJob() throws Exception {
        StoreConfig config = server.freshSchema(dir.resolve("artifacts"));
        Path csv = csv(500);
        try (Store storeA = Store.open(config); Store storeB = Store.open(config);
             Orchestrator a = Orchestrator.builder().store(storeA).worker("a", LEASE).build();
             Orchestrator b = Orchestrator.builder().store(storeB).worker("b", LEASE).build()) {
            a.declare(spec("m", csv, 2));
            b.declare(spec("m", csv, 2));

            CompletableFuture<EnqueueResult> fromA = CompletableFuture.supplyAsync(() -> a.retrain("m", "incident seen by a"));
            CompletableFuture<EnqueueResult> fromB = CompletableFuture.supplyAsync(() -> b.retrain("m", "incident seen by b"));
            List<EnqueueResult> results = List.of(fromA.get(30, TimeUnit.SECONDS), fromB.get(30, TimeUnit.SECONDS));

            assertThat(results).filteredOn(EnqueueResult.Enqueued.class::isInstance).hasSize(1);
            assertThat(results).filteredOn(EnqueueResult.AlreadyActive.class::isInstance).hasSize(1);
            assertThat(storeA.jobs().list("m")).hasSize(1);
        }
    }

    @Test
    void aKilledInstancesRetrainIsFinishedByAnotherAfterTheLease() throws Exception {
        StoreConfig config = server.freshSchema(dir.resolve("artifacts"));
        Path csv = csv(10_000);
        int trials = 30;
        Process child = startChild(config, csv, trials);
        try (Store store = Store.open(config)) {
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            String line = CompletableFuture.supplyAsync(() -> {
                try {
                    return out.readLine();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }).get(120, TimeUnit.SECONDS);
            assertThat(line).as("the child's first line").startsWith("queued ");
            String jobId = line.substring("queued ".length());
            await().atMost(Duration.ofSeconds(120)).until(() -> store.jobs().find(jobId).orElseThrow().state() == JobState.RUNNING
                    && store.studies().studyOfJob(jobId).map(s -> !store.studies().trials(s.id()).isEmpty()).orElse(false));

            child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            Job abandoned = store.jobs().find(jobId).orElseThrow();
            assertThat(abandoned.state()).as("a killed worker gives nothing back").isEqualTo(JobState.RUNNING);

            try (Orchestrator survivor = Orchestrator.builder().store(store).worker("survivor", LEASE)
                    .poll(Duration.ofMillis(200)).build()) {
                survivor.declare(spec("m", csv, trials));
                survivor.start();
                await().atMost(Duration.ofSeconds(180)).until(() -> !store.jobs().find(jobId).orElseThrow().state().isActive());
            }
            Job done = store.jobs().find(jobId).orElseThrow();
            assertThat(done.state()).isEqualTo(JobState.SUCCEEDED);
            assertThat(done.attempts()).isEqualTo(2);
            assertThat(store.registry().versions("m")).hasSize(1);
            assertThat(store.registry().get("m", 1).lineage().jobId()).isEqualTo(jobId);
            String study = store.studies().studyOfJob(jobId).orElseThrow().id();
            assertThat(store.studies().trials(study).stream().map(t -> t.number()).distinct().count())
                    .as("trials are resumed, not run twice").isEqualTo(store.studies().trials(study).size());
        } finally {
            child.destroyForcibly();
        }
    }

    private Process startChild(StoreConfig config, Path csv, int trials) throws IOException {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String classPath = System.getProperty("surefire.test.class.path");
        if (classPath == null || classPath.isBlank()) {
            classPath = System.getProperty("java.class.path");
        }
        List<String> command = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-cp", classPath,
                OrchestratorChild.class.getName(), config.jdbcUrl(), nullToEmpty(config.user()),
                nullToEmpty(config.password()), config.artifactsDir().toString(), csv.toString(), "m",
                Integer.toString(trials)));
        return new ProcessBuilder(command).redirectError(dir.resolve("child.err").toFile()).start();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
