package io.visutility.retrain;

import static io.visutility.testing.LoopFixture.HEALTHY;
import static io.visutility.testing.LoopFixture.MODEL;
import static io.visutility.testing.LoopFixture.POLICY;
import static org.assertj.core.api.Assertions.assertThat;

import io.visutility.event.MonitorEvent;
import io.visutility.jobs.JobState;
import io.visutility.monitor.ModelHealth;
import io.visutility.registry.ModelVersion;
import io.visutility.testing.LoopFixture;
import io.visutility.testing.ThresholdTrainer;
import io.visutility.tuning.HyperParamTuner;
import io.visutility.tuning.RandomSearchTuner;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Pins seed flaw 2: any error in {@code handle_drift} (such as a tuner failure) ended the retrain observer
 * for good; now it fails that one retrain with {@code RetrainFailed} and the next incident is retrained.
 */
class SeedFlaw2ObserverSurvivesTunerErrorTest {
    private final AtomicInteger crashesLeft = new AtomicInteger(1);
    private LoopFixture loop;
    private ModelVersion first;

    @BeforeEach
    void loopWhoseTunerCrashesOnTheFirstIncident() {
        HyperParamTuner real = RandomSearchTuner.seeded(ThresholdTrainer.SPACE, 3);
        HyperParamTuner crashing = (base, history) -> {
            if (crashesLeft.getAndDecrement() > 0) {
                throw new IllegalStateException("tuner crashed");
            }
            return real.ask(base, history);
        };
        loop = LoopFixture.create(o -> {
            o.tuner = crashing;
            o.maxAttempts = 1;
        });
        first = loop.seedChampion();
        loop.degrade();
    }

    @Test
    void theTunerErrorFailsOnlyThatRetrain() {
        MonitorEvent.RetrainFailed failed = loop.events.single(MonitorEvent.RetrainFailed.class);
        assertThat(failed.reason()).contains("tuner crashed");
        assertThat(failed.willRetry()).isFalse();
        assertThat(loop.jobs(MODEL)).singleElement().satisfies(job -> {
            assertThat(job.state()).isEqualTo(JobState.FAILED);
            assertThat(job.lastError()).contains("tuner crashed");
        });
        assertThat(loop.monitor.health(MODEL)).isEqualTo(ModelHealth.DEGRADED);
        assertThat(loop.champion()).contains(first);
        assertThat(loop.observer.scheduler().runningCount()).isZero();
    }

    @Test
    void afterTheRetryDelayTheSameIncidentIsRetrainedAndPromoted() {
        loop.advance(POLICY.retryAfter());
        loop.report(1, LoopFixture.DEGRADED);

        List<MonitorEvent.DriftDetected> drifts = loop.events.of(MonitorEvent.DriftDetected.class);
        assertThat(drifts).extracting(MonitorEvent.DriftDetected::attempt).containsExactly(1, 2);
        assertThat(drifts.get(1).incidentId()).isEqualTo(drifts.get(0).incidentId());
        assertPromotedBecauseOf(drifts.get(1));
    }

    @Test
    void afterTheModelRecoversAndDegradesAgainTheNewIncidentIsRetrainedAndPromoted() {
        loop.report(POLICY.windowSize(), HEALTHY);
        assertThat(loop.events.of(MonitorEvent.Recovered.class)).hasSize(1);
        assertThat(loop.monitor.health(MODEL)).isEqualTo(ModelHealth.HEALTHY);

        loop.degrade();

        List<MonitorEvent.DriftDetected> drifts = loop.events.of(MonitorEvent.DriftDetected.class);
        assertThat(drifts).hasSize(2);
        assertThat(drifts.get(1).incidentId()).isNotEqualTo(drifts.get(0).incidentId());
        assertThat(drifts.get(1).attempt()).isEqualTo(1);
        assertPromotedBecauseOf(drifts.get(1));
    }

    private void assertPromotedBecauseOf(MonitorEvent.DriftDetected drift) {
        MonitorEvent.ModelPromoted promoted = loop.events.single(MonitorEvent.ModelPromoted.class);
        assertThat(promoted.version()).isEqualTo(2);
        assertThat(promoted.previousVersion()).isEqualTo(first.version());
        assertThat(loop.champion()).hasValueSatisfying(champion -> {
            assertThat(champion.version()).isEqualTo(2);
            assertThat(champion.lineage().triggerEventId()).isEqualTo(drift.id());
        });
        assertThat(loop.jobs(MODEL)).extracting(j -> j.state()).containsExactly(JobState.FAILED, JobState.SUCCEEDED);
        assertThat(loop.monitor.health(MODEL)).isEqualTo(ModelHealth.HEALTHY);
    }
}
