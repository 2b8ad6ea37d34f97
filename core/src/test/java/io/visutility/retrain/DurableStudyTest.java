package io.visutility.retrain;

import static io.visutility.testing.LoopFixture.MODEL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.visutility.event.MonitorEvent;
import io.visutility.jobs.Job;
import io.visutility.jobs.JobState;
import io.visutility.testing.CountingTrainer;
import io.visutility.testing.LoopFixture;
import io.visutility.testing.ThresholdTrainer;
import io.visutility.tuning.HyperParamTuner;
import io.visutility.tuning.HyperParams;
import io.visutility.tuning.RandomSearchTuner;
import io.visutility.tuning.Trial;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** A study is stored trial by trial, resumes without training finished trials, runs trials in parallel, and warm-starts. */
class DurableStudyTest {
    private static final long SEED = 42;

    /** What a process dying mid-training looks like to the code above it: nothing it can catch and record. */
    static final class Crash extends Error {
        Crash() {
            super("process died");
        }
    }

    private final StudyStore studies = StudyStore.inMemory(java.time.Clock.systemUTC());

    @Test
    void everyTrialIsStoredWithItsArtifactAndTheStudyNamesTheChosenOne() {
        LoopFixture loop = LoopFixture.create(o -> {
            o.trials = 4;
            o.studies = studies;
        });
        loop.seedChampion();

        RetrainOutcome outcome = loop.pipeline.run(job(loop, "job-1", 1));

        StudyRecord study = studies.studyOfJob("job-1").orElseThrow();
        List<TrialRecord> trials = studies.trials(study.id());
        assertThat(study.state()).isEqualTo(StudyState.FINISHED);
        assertThat(trials).hasSize(4).allSatisfy(t -> {
            assertThat(t.state()).isEqualTo(TrialState.SUCCEEDED);
            assertThat(loop.artifacts.contains(t.artifactSha256())).isTrue();
            assertThat(t.finished()).isNotNull();
        });
        TrialRecord chosen = trials.get(study.bestTrial());
        assertThat(trials).allMatch(t -> t.objective() <= chosen.objective());
        assertThat(outcome.version().sha256()).isEqualTo(chosen.artifactSha256());
        assertThat(outcome.version().params()).isEqualTo(chosen.params());
        assertThat(outcome.version().lineage().details()).containsEntry("study", study.id())
                .containsEntry("trial", Integer.toString(chosen.number()));
        assertThat(trials.get(0).params()).as("warm start: the champion's own parameters first")
                .isEqualTo(loop.registry.get(MODEL, 1).params());
        assertThat(loop.events.of(MonitorEvent.TrialCompleted.class)).hasSize(4);
    }

    @Test
    void aRetriedJobDoesNotTrainFinishedTrialsAgainAndFailsTheInterruptedOne() {
        CountingTrainer trainer = new CountingTrainer(new ThresholdTrainer());
        LoopFixture loop = LoopFixture.create(o -> {
            o.trainer = trainer;
            o.trials = 6;
            o.studies = studies;
        });
        loop.seedChampion();
        trainer.before(request -> {
            if (request.seed() == SEED + 3) {
                throw new Crash();
            }
        });

        assertThatThrownBy(() -> loop.pipeline.run(job(loop, "job-1", 1))).isInstanceOf(Crash.class);
        String study = studies.studyOfJob("job-1").orElseThrow().id();
        assertThat(studies.trials(study)).extracting(TrialRecord::state).containsExactly(TrialState.SUCCEEDED,
                TrialState.SUCCEEDED, TrialState.SUCCEEDED, TrialState.RUNNING);
        assertThat(loop.registry.versions(MODEL)).hasSize(1);

        trainer.before(request -> { });
        RetrainOutcome outcome = loop.pipeline.run(job(loop, "job-1", 2));

        // One seed for the seeded champion, then trials 0..3 in attempt 1, then 4 and 5 in attempt 2.
        assertThat(trainer.seeds()).containsExactly(1L, SEED, SEED + 1, SEED + 2, SEED + 3, SEED + 4, SEED + 5);
        List<TrialRecord> trials = studies.trials(study);
        assertThat(trials).hasSize(6);
        assertThat(trials.get(3).state()).isEqualTo(TrialState.FAILED);
        assertThat(trials.get(3).error()).isEqualTo("interrupted: attempt 1 ended");
        assertThat(trials.get(4).attempt()).isEqualTo(2);
        assertThat(outcome.trials()).hasSize(6);
        assertThat(loop.registry.versions(MODEL)).hasSize(2);
    }

    @Test
    void aRetriedJobWhoseStudyFinishedRegistersItsChoiceWithoutTraining() {
        CountingTrainer trainer = new CountingTrainer(new ThresholdTrainer());
        LoopFixture loop = LoopFixture.create(o -> {
            o.trainer = trainer;
            o.studies = studies;
        });
        loop.seedChampion();
        StudyStore crashOnRegister = new ForwardingStudyStore(studies) {
            @Override
            public StudyRecord endStudy(String studyId, StudyState outcome, int bestTrial) {
                super.endStudy(studyId, outcome, bestTrial);
                throw new Crash();
            }
        };
        RetrainPipeline crashing = RetrainPipeline.builder().registry(loop.registry).artifacts(loop.artifacts)
                .trainer(trainer).tuner(RandomSearchTuner.seeded(trainer.searchSpace(), 7)).trials(3)
                .datasets(m -> SEA_4).bus(loop.bus).clock(loop.clock).studies(crashOnRegister).parallelism(1)
                .build();
        assertThatThrownBy(() -> crashing.run(job(loop, "job-1", 1))).isInstanceOf(Crash.class);
        int calls = trainer.seeds().size();

        RetrainOutcome outcome = loop.pipeline.run(job(loop, "job-1", 2));

        assertThat(trainer.seeds()).hasSize(calls);
        StudyRecord study = studies.studyOfJob("job-1").orElseThrow();
        assertThat(outcome.version().sha256())
                .isEqualTo(studies.trials(study.id()).get(study.bestTrial()).artifactSha256());
    }

    private static final io.visutility.training.Dataset SEA_4 =
            io.visutility.training.SeaGenerator.seeded(4).next(4, 2000);

    @Test
    void trialsRunInParallelUpToTheLimitAndChooseAsInSequence() {
        CyclicBarrier pairs = new CyclicBarrier(2);
        CountingTrainer trainer = new CountingTrainer(new ThresholdTrainer()).before(request -> {
            if (request.seed() >= SEED) {
                try {
                    // Two trials meet here: only possible when two train at once.
                    pairs.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
                    throw new AssertionError("trial " + (request.seed() - SEED) + " found no partner", e);
                }
            }
        });
        LoopFixture parallel = LoopFixture.create(o -> {
            o.trainer = trainer;
            o.trials = 6;
            o.parallelism = 2;
        });
        LoopFixture sequential = LoopFixture.create(o -> o.trials = 6);
        parallel.seedChampion();
        sequential.seedChampion();

        RetrainOutcome twoAtOnce = parallel.pipeline.run(job(parallel, "job-1", 1));
        RetrainOutcome oneAtATime = sequential.pipeline.run(job(sequential, "job-1", 1));

        assertThat(trainer.seeds()).filteredOn(s -> s >= SEED)
                .containsExactlyInAnyOrderElementsOf(LongStream.range(SEED, SEED + 6).boxed().toList());
        assertThat(twoAtOnce.trials()).isEqualTo(oneAtATime.trials());
        assertThat(twoAtOnce.version().sha256()).isEqualTo(oneAtATime.version().sha256());
        assertThat(parallel.events.of(MonitorEvent.TrialCompleted.class)).hasSize(6);
    }

    @Test
    void aNewStudyLearnsFromTheSucceededTrialsOfEarlierStudies() {
        List<List<Trial>> priors = new CopyOnWriteArrayList<>();
        HyperParamTuner random = RandomSearchTuner.seeded(ThresholdTrainer.SPACE, 7);
        HyperParamTuner recording = new HyperParamTuner() {
            @Override
            public HyperParams ask(HyperParams base, List<Trial> history) {
                return random.ask(base, history);
            }

            @Override
            public HyperParamTuner withPrior(List<Trial> prior) {
                priors.add(prior);
                return this;
            }
        };
        CountingTrainer trainer = new CountingTrainer(new ThresholdTrainer()).before(request -> {
            if (request.seed() == SEED + 1) {
                throw new io.visutility.training.TrainingException("trial 1 fails");
            }
        });
        LoopFixture loop = LoopFixture.create(o -> {
            o.trainer = trainer;
            o.tuner = recording;
            o.studies = studies;
        });
        loop.seedChampion();

        loop.pipeline.run(job(loop, "job-1", 1));
        loop.pipeline.run(job(loop, "job-2", 1));

        assertThat(priors).hasSize(2);
        assertThat(priors.get(0)).isEmpty();
        List<TrialRecord> first = studies.trials(studies.studyOfJob("job-1").orElseThrow().id());
        assertThat(priors.get(1)).containsExactly(first.get(0).toTrial(), first.get(2).toTrial());
    }

    static Job job(LoopFixture loop, String id, int attempt) {
        Instant now = loop.clock.instant();
        return new Job(id, MODEL, JobState.RUNNING, attempt, 3, "drift-1", now, now, now, null, "worker",
                now.plusSeconds(60));
    }

    @Test
    void aStudyWithNoSuccessIsStoredFailed() {
        LoopFixture loop = LoopFixture.create(o -> {
            o.trainer = new ThresholdTrainer().failAlways();
            o.studies = studies;
        });

        assertThatThrownBy(() -> loop.pipeline.run(job(loop, "job-1", 1))).isInstanceOf(RetrainException.class)
                .hasMessageContaining("all 3 trials failed");
        assertThat(studies.studyOfJob("job-1")).get().extracting(StudyRecord::state).isEqualTo(StudyState.FAILED);
        assertThat(loop.registry.models()).doesNotContain(MODEL);
        assertThat(studies.decision("job-1")).isEmpty();
    }
}
