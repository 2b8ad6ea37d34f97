package io.visutility.retrain;

import static io.visutility.testing.LoopFixture.MODEL;
import static io.visutility.testing.LoopFixture.POLICY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.visutility.event.MonitorEvent;
import io.visutility.jobs.EnqueueResult;
import io.visutility.jobs.Job;
import io.visutility.jobs.JobState;
import io.visutility.jobs.SchedulerException;
import io.visutility.monitor.ModelHealth;
import io.visutility.registry.ModelVersion;
import io.visutility.testing.FlakyArtifactStore;
import io.visutility.testing.HeldExecutor;
import io.visutility.testing.LoopFixture;
import io.visutility.testing.ThresholdTrainer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pins how the observer turns an alarm into one job, and how jobs are retried, timed out and reported. */
class AdaptiveRetrainObserverTest {
    private static final Duration MS = Duration.ofMillis(1);

    private final ThresholdTrainer trainer = new ThresholdTrainer();

    @Test
    void anAlarmStartsOneJobAndEveryStepIsTracedToIt() {
        LoopFixture loop = LoopFixture.create();
        ModelVersion first = loop.seedChampion();

        loop.degrade();

        MonitorEvent.DriftDetected drift = loop.events.single(MonitorEvent.DriftDetected.class);
        MonitorEvent.RetrainRequested requested = loop.events.single(MonitorEvent.RetrainRequested.class);
        Job job = loop.jobs(MODEL).get(0);
        assertThat(requested.triggerEventId()).isEqualTo(drift.id());
        assertThat(requested.jobId()).isEqualTo(job.id());
        assertThat(job.triggerEventId()).isEqualTo(drift.id());
        assertThat(job.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(loop.events.of(MonitorEvent.TrialCompleted.class)).hasSize(3)
                .allSatisfy(t -> assertThat(t.jobId()).isEqualTo(job.id()));
        assertThat(loop.events.single(MonitorEvent.ModelRegistered.class).jobId()).isEqualTo(job.id());
        ModelVersion champion = loop.champion().orElseThrow();
        assertThat(champion.lineage().triggerEventId()).isEqualTo(drift.id());
        assertThat(champion.lineage().jobId()).isEqualTo(job.id());
        assertThat(champion.lineage().parentVersion()).isEqualTo(first.version());
        assertThat(champion.lineage().trainer()).isEqualTo("threshold");
        assertThat(loop.monitor.health(MODEL)).isEqualTo(ModelHealth.HEALTHY);
    }

    @Test
    void whenEveryTrialFailsTheJobFailsWithTheReason() {
        LoopFixture loop = LoopFixture.create(o -> {
            o.trainer = trainer;
            o.maxAttempts = 1;
        });
        ModelVersion first = loop.seedChampion();
        trainer.failAlways();

        loop.degrade();

        MonitorEvent.RetrainFailed failed = loop.events.single(MonitorEvent.RetrainFailed.class);
        assertThat(failed.reason()).contains("all 3 trials failed").contains("told to fail");
        assertThat(failed.willRetry()).isFalse();
        assertThat(loop.jobs(MODEL)).singleElement().satisfies(job -> {
            assertThat(job.state()).isEqualTo(JobState.FAILED);
            assertThat(failed.jobId()).isEqualTo(job.id());
        });
        assertThat(loop.events.of(MonitorEvent.ModelRegistered.class)).isEmpty();
        assertThat(loop.champion()).contains(first);
        assertThat(loop.monitor.health(MODEL)).isEqualTo(ModelHealth.DEGRADED);
    }

    @Test
    void aFailedAttemptIsRetriedAfterTheBackOffAndResumesAtTheGate() {
        LoopFixture loop = LoopFixture.create(o -> o.artifacts = new FlakyArtifactStore(1));
        loop.seedChampion();

        loop.degrade();

        MonitorEvent.RetrainFailed failed = loop.events.single(MonitorEvent.RetrainFailed.class);
        assertThat(failed.willRetry()).isTrue();
        assertThat(failed.reason()).contains("unavailable");
        assertThat(loop.registry.versions(MODEL)).hasSize(2);
        assertThat(loop.jobs(MODEL).get(0).state()).isEqualTo(JobState.QUEUED);
        assertThat(loop.monitor.health(MODEL)).isEqualTo(ModelHealth.RETRAINING);

        loop.advance(Duration.ofSeconds(30).minus(MS));
        assertThat(loop.events.of(MonitorEvent.ModelPromoted.class)).isEmpty();

        loop.advance(MS);

        assertThat(loop.events.single(MonitorEvent.ModelPromoted.class).version()).isEqualTo(2);
        assertThat(loop.registry.versions(MODEL)).as("no second version").hasSize(2);
        assertThat(loop.events.of(MonitorEvent.TrialCompleted.class)).as("no second study").hasSize(3);
        assertThat(loop.jobs(MODEL)).singleElement().satisfies(job -> {
            assertThat(job.state()).isEqualTo(JobState.SUCCEEDED);
            assertThat(job.attempts()).isEqualTo(2);
        });
        assertThat(loop.monitor.health(MODEL)).isEqualTo(ModelHealth.HEALTHY);
    }

    @Test
    void theBackOffDoublesUntilTheLastAttemptFails() {
        LoopFixture loop = LoopFixture.create(o -> o.trainer = trainer);
        loop.seedChampion();
        trainer.failAlways();
        Instant t0 = loop.clock.instant();

        loop.degrade();
        loop.advance(Duration.ofSeconds(30));
        loop.advance(Duration.ofSeconds(60).minus(MS));
        assertThat(loop.events.of(MonitorEvent.RetrainFailed.class)).hasSize(2);
        loop.advance(MS);

        List<MonitorEvent.RetrainFailed> failures = loop.events.of(MonitorEvent.RetrainFailed.class);
        assertThat(failures).extracting(MonitorEvent::time)
                .containsExactly(t0, t0.plusSeconds(30), t0.plusSeconds(90));
        assertThat(failures).extracting(MonitorEvent.RetrainFailed::willRetry).containsExactly(true, true, false);
        assertThat(loop.jobs(MODEL)).singleElement().satisfies(job -> {
            assertThat(job.state()).isEqualTo(JobState.FAILED);
            assertThat(job.attempts()).isEqualTo(3);
        });
        assertThat(loop.monitor.health(MODEL)).isEqualTo(ModelHealth.DEGRADED);
        assertThat(loop.timer.pendingTasks()).isZero();
    }

    @Test
    void anAttemptThatOutlivesItsTimeoutFails() {
        HeldExecutor hungWorkers = new HeldExecutor();
        LoopFixture loop = LoopFixture.create(o -> {
            o.workers = hungWorkers;
            o.maxAttempts = 1;
            o.timeout = Duration.ofMinutes(5);
        });
        loop.seedChampion();
        loop.degrade();
        assertThat(loop.jobs(MODEL).get(0).state()).isEqualTo(JobState.RUNNING);

        loop.advance(Duration.ofMinutes(5).minus(MS));
        assertThat(loop.events.of(MonitorEvent.RetrainFailed.class)).isEmpty();
        loop.advance(MS);

        MonitorEvent.RetrainFailed failed = loop.events.single(MonitorEvent.RetrainFailed.class);
        assertThat(failed.reason()).contains("timed out");
        assertThat(failed.willRetry()).isFalse();
        assertThat(loop.jobs(MODEL).get(0).state()).isEqualTo(JobState.FAILED);
        assertThat(loop.observer.scheduler().runningCount()).isZero();
        assertThat(loop.monitor.health(MODEL)).isEqualTo(ModelHealth.DEGRADED);

        hungWorkers.runAll();

        assertThat(loop.events.of(MonitorEvent.TrialCompleted.class)).as("a timed-out attempt never runs").isEmpty();
        assertThat(loop.registry.versions(MODEL)).hasSize(1);
    }

    @Test
    void aTimedOutAttemptIsRetried() {
        HeldExecutor workers = new HeldExecutor();
        LoopFixture loop = LoopFixture.create(o -> {
            o.workers = workers;
            o.maxAttempts = 2;
            o.timeout = Duration.ofMinutes(5);
        });
        loop.seedChampion();
        loop.degrade();

        loop.advance(Duration.ofMinutes(5).plusSeconds(30));
        assertThat(loop.events.single(MonitorEvent.RetrainFailed.class).willRetry()).isTrue();
        assertThat(workers.pending()).isEqualTo(2);

        workers.runAll();

        assertThat(loop.events.single(MonitorEvent.ModelPromoted.class).version()).isEqualTo(2);
        assertThat(loop.jobs(MODEL).get(0).attempts()).isEqualTo(2);
        assertThat(loop.jobs(MODEL).get(0).state()).isEqualTo(JobState.SUCCEEDED);
    }

    @Test
    void anOperatorRequestWhileAJobIsActiveIsSkipped() {
        HeldExecutor workers = new HeldExecutor();
        LoopFixture loop = LoopFixture.create(o -> o.workers = workers);
        loop.seedChampion();
        loop.degrade();
        Job active = loop.jobs(MODEL).get(0);

        EnqueueResult result = loop.observer.requestRetrain(MODEL, "operator asked");

        assertThat(result).isInstanceOf(EnqueueResult.AlreadyActive.class);
        assertThat(result.job().id()).isEqualTo(active.id());
        MonitorEvent.RetrainSkipped skipped = loop.events.single(MonitorEvent.RetrainSkipped.class);
        assertThat(skipped.activeJobId()).isEqualTo(active.id());
        assertThat(skipped.triggerEventId()).isNull();
        assertThat(skipped.reason()).contains("operator asked");
        assertThat(loop.jobs(MODEL)).hasSize(1);
    }

    @Test
    void jobsAreClaimedUnderTheConfiguredWorkerIdAndLease() {
        LoopFixture loop = LoopFixture.create();
        HeldExecutor held = new HeldExecutor();
        AdaptiveRetrainObserver named = AdaptiveRetrainObserver.builder().monitor(loop.monitor)
                .pipeline(loop.pipeline).workers(held).timer(loop.timer)
                .workerId("orchestrator-a").lease(Duration.ofSeconds(90)).build();

        named.scheduler().submit(MODEL, null);

        Job running = named.scheduler().queue().active(MODEL).orElseThrow();
        assertThat(named.scheduler().workerId()).isEqualTo("orchestrator-a");
        assertThat(running.state()).isEqualTo(JobState.RUNNING);
        assertThat(running.leaseOwner()).isEqualTo("orchestrator-a");
        assertThat(running.leaseUntil()).isEqualTo(loop.clock.instant().plus(Duration.ofSeconds(90)));
        named.close();
    }

    @Test
    void aBadWorkerIdOrLeaseIsRefusedNamingIt() {
        LoopFixture loop = LoopFixture.create();
        var builder = AdaptiveRetrainObserver.builder().monitor(loop.monitor).pipeline(loop.pipeline)
                .workers(Runnable::run).timer(loop.timer);

        assertThatExceptionOfType(SchedulerException.class)
                .isThrownBy(() -> builder.workerId(" ").build()).withMessageContaining("workerId");
        assertThatExceptionOfType(SchedulerException.class)
                .isThrownBy(() -> builder.workerId("w").lease(Duration.ZERO).build())
                .withMessageContaining("lease").withMessageContaining("PT0S");
    }

    @Test
    void aClosedObserverStartsNoMoreRetrains() {
        LoopFixture loop = LoopFixture.create();
        loop.seedChampion();

        loop.observer.close();
        loop.degrade();
        loop.advance(POLICY.retryAfter());

        assertThat(loop.events.story()).containsExactly("DriftDetected");
        assertThat(loop.jobs(MODEL)).isEmpty();
    }
}
