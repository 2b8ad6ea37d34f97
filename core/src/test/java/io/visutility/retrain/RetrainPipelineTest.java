package io.visutility.retrain;

import static io.visutility.testing.LoopFixture.MODEL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.visutility.event.MonitorEvent;
import io.visutility.jobs.Job;
import io.visutility.jobs.JobState;
import io.visutility.registry.AliasChange;
import io.visutility.registry.ModelRegistry;
import io.visutility.registry.ModelVersion;
import io.visutility.registry.Names;
import io.visutility.registry.RegistryException;
import io.visutility.testing.FlakyArtifactStore;
import io.visutility.testing.LoopFixture;
import io.visutility.testing.ThresholdTrainer;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Pins what one retrain does: trials, lineage, registration, the gate, and resuming a retried job. */
class RetrainPipelineTest {
    private final ThresholdTrainer trainer = new ThresholdTrainer();

    @Test
    void theCandidateCarriesItsLineage() {
        LoopFixture loop = LoopFixture.create(o -> o.trainer = trainer);
        ModelVersion champion = loop.seedChampion();

        RetrainOutcome outcome = loop.pipeline.run(job(loop, "job-1", 1));

        ModelVersion candidate = outcome.version();
        assertThat(candidate.version()).isEqualTo(2);
        assertThat(candidate.lineage().parentVersion()).isEqualTo(champion.version());
        assertThat(candidate.lineage().triggerEventId()).isEqualTo("drift-1");
        assertThat(candidate.lineage().jobId()).isEqualTo("job-1");
        assertThat(candidate.lineage().trainer()).isEqualTo("threshold");
        assertThat(candidate.lineage().details()).containsEntry("trials", "3").containsEntry("rows", "2000")
                .containsEntry("seed", "42").containsEntry("attempt", "1").containsKeys("trial", "holdoutRows");
        int best = Integer.parseInt(candidate.lineage().details().get("trial"));
        assertThat(candidate.params()).isEqualTo(outcome.trials().get(best).params());
        assertThat(candidate.metrics()).containsKeys("precision", "recall", "f1", "accuracy", "auc");
        assertThat(outcome.previousChampion()).isEqualTo(champion);
        assertThat(outcome.promoted()).isTrue();
    }

    @Test
    void eachTrialIsPublishedThenTheRegistrationAndThePromotion() {
        LoopFixture loop = LoopFixture.create(o -> o.trials = 4);
        loop.seedChampion();

        RetrainOutcome outcome = loop.pipeline.run(job(loop, "job-1", 1));

        List<MonitorEvent.TrialCompleted> trials = loop.events.of(MonitorEvent.TrialCompleted.class);
        assertThat(trials).extracting(MonitorEvent.TrialCompleted::trial).containsExactly(0, 1, 2, 3);
        assertThat(trials).allSatisfy(t -> {
            assertThat(t.jobId()).isEqualTo("job-1");
            assertThat(t.error()).isNull();
            assertThat(t.metrics()).containsKey("f1");
        });
        assertThat(trials).extracting(MonitorEvent.TrialCompleted::params)
                .containsExactlyElementsOf(outcome.trials().stream().map(t -> t.params()).toList());
        assertThat(loop.events.story()).containsExactly("TrialCompleted", "TrialCompleted", "TrialCompleted",
                "TrialCompleted", "ModelRegistered", "ModelPromoted");
        MonitorEvent.ModelPromoted promoted = loop.events.single(MonitorEvent.ModelPromoted.class);
        assertThat(promoted.previousVersion()).isEqualTo(1);
        assertThat(promoted.candidateMetrics().get("f1")).isGreaterThan(promoted.championMetrics().get("f1"));
    }

    @Test
    void aPromotionIsRecordedAsTheRetrainJobs() {
        LoopFixture loop = LoopFixture.create();
        loop.seedChampion();

        loop.pipeline.run(job(loop, "job-1", 1));

        AliasChange promotion = loop.registry.aliasHistory(MODEL, ModelRegistry.CHAMPION).get(1);
        assertThat(promotion.to()).isEqualTo(2);
        assertThat(promotion.actor()).isEqualTo("retrain job job-1");
        assertThat(promotion.reason()).startsWith("job job-1: ");
    }

    @Test
    void aJobIdThatIsNoActorIsMadeIntoOne() {
        Instant now = Instant.parse("2026-03-01T12:00:00Z");
        Job strange = new Job("line\nbreak-" + "x".repeat(200), MODEL, JobState.RUNNING, 1, 3, null, now, now, now,
                null, "worker", now.plusSeconds(60));

        String actor = RetrainPipeline.actor(strange);

        assertThat(Names.actor(actor)).hasSize(Names.MAX_ACTOR).startsWith("retrain job line?break-xxx");
    }

    @Test
    void aFirstModelIsPromotedWithoutAChampion() {
        LoopFixture loop = LoopFixture.create();

        RetrainOutcome outcome = loop.pipeline.run(job(loop, "job-1", 1));

        assertThat(outcome.promoted()).isTrue();
        assertThat(outcome.decision().reason()).isEqualTo("no champion yet");
        assertThat(outcome.version().lineage().parentVersion()).isNull();
        assertThat(loop.champion()).contains(outcome.version());
    }

    @Test
    void aFailingTrialDoesNotStopTheStudy() {
        LoopFixture loop = LoopFixture.create(o -> {
            o.trainer = trainer;
            o.trials = 4;
        });
        loop.seedChampion();
        trainer.failOnCalls(0, 2);

        RetrainOutcome outcome = loop.pipeline.run(job(loop, "job-1", 1));

        List<MonitorEvent.TrialCompleted> trials = loop.events.of(MonitorEvent.TrialCompleted.class);
        assertThat(trials).extracting(t -> t.error() != null).containsExactly(true, false, true, false);
        assertThat(trials.get(0).error()).contains("told to fail");
        assertThat(trials.get(0).metrics()).isEmpty();
        assertThat(outcome.trials()).extracting(t -> t.succeeded()).containsExactly(false, true, false, true);
        assertThat(outcome.version().lineage().details().get("trial")).isIn("1", "3");
        assertThat(outcome.promoted()).isTrue();
    }

    @Test
    void whenEveryTrialFailsTheRetrainFailsWithTheReasonAndRegistersNothing() {
        LoopFixture loop = LoopFixture.create(o -> o.trainer = trainer);
        ModelVersion champion = loop.seedChampion();
        trainer.failAlways();

        assertThatThrownBy(() -> loop.pipeline.run(job(loop, "job-1", 1)))
                .isInstanceOf(RetrainException.class)
                .hasMessageContaining("all 3 trials failed").hasMessageContaining("told to fail");

        assertThat(loop.events.of(MonitorEvent.TrialCompleted.class)).hasSize(3);
        assertThat(loop.registry.versions(MODEL)).containsExactly(champion);
        assertThat(loop.champion()).contains(champion);
    }

    @Test
    void aRetriedJobThatAlreadyRegisteredResumesAtTheGate() {
        FlakyArtifactStore artifacts = new FlakyArtifactStore(1);
        LoopFixture loop = LoopFixture.create(o -> o.artifacts = artifacts);
        loop.seedChampion();

        assertThatThrownBy(() -> loop.pipeline.run(job(loop, "job-1", 1))).hasMessageContaining("store unavailable");
        assertThat(loop.registry.versions(MODEL)).hasSize(2);
        assertThat(loop.champion().orElseThrow().version()).isEqualTo(1);
        int trialsBefore = loop.events.of(MonitorEvent.TrialCompleted.class).size();

        RetrainOutcome retried = loop.pipeline.run(job(loop, "job-1", 2));

        assertThat(retried.version().version()).isEqualTo(2);
        assertThat(retried.promoted()).isTrue();
        assertThat(loop.registry.versions(MODEL)).hasSize(2);
        assertThat(loop.events.of(MonitorEvent.TrialCompleted.class)).hasSize(trialsBefore);
        assertThat(loop.events.of(MonitorEvent.ModelRegistered.class)).hasSize(1);
        assertThat(loop.champion().orElseThrow().version()).isEqualTo(2);
    }

    @Test
    void aRetriedJobWhoseCandidateWasAlreadyPromotedReportsThePromotion() {
        // The alias moved, then the attempt died before it could say so (a lost reply, a crash).
        AtomicInteger crashes = new AtomicInteger(0);
        LoopFixture loop = LoopFixture.create(o -> o.registry = registry -> crashAfterSetAlias(registry, crashes));
        ModelVersion first = loop.seedChampion();
        crashes.set(1);

        assertThatThrownBy(() -> loop.pipeline.run(job(loop, "job-1", 1))).hasMessageContaining("after commit");
        assertThat(loop.champion().orElseThrow().version()).isEqualTo(2);

        RetrainOutcome retried = loop.pipeline.run(job(loop, "job-1", 2));

        assertThat(retried.promoted()).isTrue();
        assertThat(retried.version().version()).isEqualTo(2);
        assertThat(retried.previousChampion()).isEqualTo(first);
        assertThat(loop.events.of(MonitorEvent.PromotionRejected.class)).isEmpty();
        assertThat(loop.events.single(MonitorEvent.ModelPromoted.class).previousVersion()).isEqualTo(1);
        assertThat(loop.registry.aliasHistory(MODEL, ModelRegistry.CHAMPION)).hasSize(2);
    }

    private static Job job(LoopFixture loop, String id, int attempt) {
        Instant now = loop.clock.instant();
        return new Job(id, MODEL, JobState.RUNNING, attempt, 3, "drift-1", now, now, now, null, "worker",
                now.plusSeconds(60));
    }

    private static ModelRegistry crashAfterSetAlias(ModelRegistry registry, AtomicInteger crashes) {
        return (ModelRegistry) Proxy.newProxyInstance(ModelRegistry.class.getClassLoader(),
                new Class<?>[] {ModelRegistry.class}, (proxy, method, args) -> {
                    Object result;
                    try {
                        result = method.invoke(registry, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (method.getName().equals("setAlias") && crashes.getAndDecrement() > 0) {
                        throw new RegistryException("connection lost after commit");
                    }
                    return result;
                });
    }
}
