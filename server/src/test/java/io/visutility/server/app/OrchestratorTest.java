package io.visutility.server.app;

import io.visutility.ingest.IngestJson;
import io.visutility.ingest.InvalidRecordException;
import io.visutility.jobs.EnqueueResult;
import io.visutility.registry.Lineage;
import io.visutility.registry.ModelNotFoundException;
import io.visutility.registry.ModelRegistry;
import io.visutility.registry.NewModelVersion;
import io.visutility.store.Store;
import io.visutility.training.Dataset;
import io.visutility.training.SeaGenerator;
import io.visutility.training.TrainingRequest;
import io.visutility.training.TrainingResult;
import io.visutility.xgboost.XGBoostTrainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrchestratorTest {
    private static final List<String> SEA = List.of("f1", "f2", "f3");

    @TempDir
    Path data;
    private Store store;
    private Orchestrator orchestrator;

    @BeforeEach
    void open() {
        store = Store.sqlite(data);
        orchestrator = Orchestrator.builder().store(store).feedback(100, Duration.ZERO).build();
    }

    @AfterEach
    void close() {
        orchestrator.close();
        store.close();
    }

    @Test
    void declaringIsIdempotentForAnEqualSpecAndRefusesADifferentOne() {
        ModelSpec spec = ModelSpec.xgboost("fraud", SEA);

        assertThat(orchestrator.declare(spec)).isEqualTo(spec);
        assertThat(orchestrator.declare(ModelSpec.xgboost("fraud", SEA))).isEqualTo(spec);
        assertThatThrownBy(() -> orchestrator.declare(spec.withTrials(3)))
                .isInstanceOf(DeclarationConflictException.class);
        assertThat(orchestrator.models()).containsExactly(spec);
    }

    @Test
    void metricsForAnUndeclaredModelAreRefused() {
        assertThatThrownBy(() -> orchestrator.metrics("ghost", IngestJson.metrics("{\"precision\":1,\"recall\":1}")))
                .isInstanceOf(ModelNotFoundException.class);
        assertThat(orchestrator.monitor().models()).doesNotContain("ghost");
    }

    @Test
    void metricsReachTheMonitorWindow() {
        orchestrator.declare(ModelSpec.xgboost("fraud", SEA));

        int accepted = orchestrator.metrics("fraud", IngestJson.metrics(
                "[{\"precision\":0.9,\"recall\":0.8},{\"precision\":0.7,\"recall\":0.6}]"));

        assertThat(accepted).isEqualTo(2);
        assertThat(orchestrator.monitor().status("fraud").orElseThrow().observed()).isEqualTo(2);
    }

    @Test
    void predictUsesTheChampionAndItsLabelBecomesFeedback() {
        orchestrator.declare(ModelSpec.xgboost("fraud", SEA));
        assertThatThrownBy(() -> orchestrator.predict("fraud", Map.of("f1", 1.0, "f2", 2.0, "f3", 3.0)))
                .isInstanceOf(NoChampionException.class);
        registerChampion("fraud");

        Prediction p = orchestrator.predict("fraud", Map.of("f1", 9.0, "f2", 9.0, "f3", 1.0));
        orchestrator.labels("fraud", IngestJson.labels("{\"id\":\"" + p.id() + "\",\"label\":1}"));

        assertThat(p.version()).isEqualTo(1);
        assertThat(p.score()).isBetween(0.0, 1.0);
        assertThat(p.label()).isEqualTo(p.score() >= 0.5 ? 1 : 0);
        assertThat(orchestrator.monitor().labelStats("fraud").orElseThrow()).isNotNull();
        Dataset feedback = pipelinesOf("fraud").feedback().held("fraud");
        assertThat(feedback.rows()).isEqualTo(1);
        assertThat(feedback.labels()).containsExactly(1);
        assertThat(feedback.features()).containsExactly(9f, 9f, 1f);
    }

    @Test
    void predictionsWithALabelAreFeedbackAtOnceAndBadFeaturesStoreNothing() {
        orchestrator.declare(ModelSpec.xgboost("fraud", SEA));

        orchestrator.predictions("fraud", IngestJson.predictions(
                "[{\"id\":\"a\",\"features\":{\"f1\":1,\"f2\":2,\"f3\":3},\"score\":0.2,\"label\":0}]"));
        assertThatThrownBy(() -> orchestrator.predictions("fraud", IngestJson.predictions(
                "[{\"id\":\"b\",\"features\":{\"f1\":1,\"f2\":2,\"f3\":3},\"score\":0.2,\"label\":0},"
                        + "{\"id\":\"c\",\"features\":{\"f1\":1,\"f2\":2},\"score\":0.2}]")))
                .isInstanceOfSatisfying(InvalidRecordException.class,
                        e -> assertThat(e.field()).isEqualTo("[1].features.f3"));

        assertThat(pipelinesOf("fraud").feedback().held("fraud").rows()).isEqualTo(1);
    }

    @Test
    void retrainQueuesOneJobPerModel() {
        orchestrator.declare(ModelSpec.xgboost("fraud", SEA));

        EnqueueResult first = orchestrator.retrain("fraud", "asked");
        EnqueueResult second = orchestrator.retrain("fraud", "asked again");

        assertThat(first).isInstanceOf(EnqueueResult.Enqueued.class);
        assertThat(second).isInstanceOf(EnqueueResult.AlreadyActive.class);
        assertThat(store.jobs().list("fraud")).hasSize(1);
    }

    @Test
    void aRequestedRetrainLearnsFromTheLabelledPredictionsAndRegistersACandidate() {
        orchestrator.declare(ModelSpec.xgboost("fraud", SEA).withMinRows(400).withTrials(2));
        registerChampion("fraud");
        orchestrator.start();
        SeaGenerator sea = SeaGenerator.seeded(11);
        Dataset drifted = sea.next(4, 600);
        for (int r = 0; r < drifted.rows(); r++) {
            Prediction p = orchestrator.predict("fraud", Map.of("f1", (double) drifted.feature(r, 0),
                    "f2", (double) drifted.feature(r, 1), "f3", (double) drifted.feature(r, 2)));
            orchestrator.labels("fraud", List.of(new io.visutility.ingest.LabelReport(p.id(), drifted.label(r), null)));
        }

        String jobId = ((EnqueueResult.Enqueued) orchestrator.retrain("fraud", "asked")).job().id();

        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).until(() ->
                !store.jobs().find(jobId).orElseThrow().state().isActive());
        assertThat(store.jobs().find(jobId).orElseThrow().state()).isEqualTo(io.visutility.jobs.JobState.SUCCEEDED);
        assertThat(store.registry().versions("fraud")).hasSize(2);
        assertThat(store.registry().get("fraud", 2).lineage().jobId()).isEqualTo(jobId);
        assertThat(store.studies().studyOfJob(jobId)).isPresent();
    }

    @Test
    void afterShutdownInputIsRefused() {
        orchestrator.declare(ModelSpec.xgboost("fraud", SEA));
        orchestrator.shutdown(Duration.ZERO);

        assertThatThrownBy(() -> orchestrator.metrics("fraud", IngestJson.metrics("{\"precision\":1,\"recall\":1}")))
                .isInstanceOf(ShuttingDownException.class);
        assertThat(orchestrator.accepting()).isFalse();
    }

    private Pipelines pipelinesOf(String model) {
        return orchestrator.pipelines(model);
    }

    private void registerChampion(String model) {
        XGBoostTrainer trainer = new XGBoostTrainer();
        Dataset.Split split = SeaGenerator.seeded(7).next(1, 2_000).split(0.2, 7);
        TrainingResult result = trainer.train(new TrainingRequest(model, trainer.searchSpace().defaults(),
                split.train(), split.validation(), 7));
        String sha = store.artifacts().put(result.artifact()).sha256();
        store.registry().register(new NewModelVersion(model, sha, result.params(), result.validation().asMap(),
                Lineage.manual("xgboost", Map.of()), "test-" + sha));
        store.registry().setAlias(model, ModelRegistry.CHAMPION, 1, null, "test", "test");
    }
}
