package io.visutility.monitor;

import static io.visutility.testing.LoopFixture.DEGRADED;
import static io.visutility.testing.LoopFixture.MODEL;
import static io.visutility.testing.LoopFixture.POLICY;
import static org.assertj.core.api.Assertions.assertThat;

import io.visutility.bus.EventBus;
import io.visutility.event.MonitorEvent;
import io.visutility.jobs.Job;
import io.visutility.jobs.JobState;
import io.visutility.testing.HeldExecutor;
import io.visutility.testing.LoopFixture;
import io.visutility.testing.MutableClock;
import io.visutility.testing.RecordingObserver;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Pins seed flaw 3: every degraded sample emitted {@code DriftDetected} and queued a full retrain; now an
 * incident raises one alarm, a model has at most one active job, and a promotion is followed by a cooldown.
 */
class SeedFlaw3OneRetrainPerIncidentTest {

    @Test
    void tenThousandDegradedSamplesRaiseOneAlarm() {
        EventBus bus = EventBus.builder().executor(Runnable::run).build();
        RecordingObserver events = new RecordingObserver();
        bus.subscribe(events);
        ModelMonitor monitor = ModelMonitor.builder().bus(bus).clock(MutableClock.atEpochOfTests())
                .defaultPolicy(POLICY).build();

        for (int i = 0; i < 10_000; i++) {
            monitor.observe(MODEL, DEGRADED);
        }

        assertThat(events.of(MonitorEvent.Metrics.class)).hasSize(10_000);
        assertThat(events.story()).containsExactly("DriftDetected");
        assertThat(monitor.health(MODEL)).isEqualTo(ModelHealth.DEGRADED);
    }

    @Test
    void oneJobPerIncidentADuplicateAlarmIsSkippedAndCooldownHoldsAfterPromotion() {
        HeldExecutor workers = new HeldExecutor();
        LoopFixture loop = LoopFixture.create(o -> o.workers = workers);
        loop.seedChampion();

        loop.report(10_000, DEGRADED);

        MonitorEvent.DriftDetected drift = loop.events.single(MonitorEvent.DriftDetected.class);
        assertThat(loop.events.story()).containsExactly("DriftDetected", "RetrainRequested");
        Job job = loop.jobs(MODEL).get(0);
        assertThat(loop.jobs(MODEL)).hasSize(1);
        assertThat(job.state()).isEqualTo(JobState.RUNNING);
        assertThat(job.triggerEventId()).isEqualTo(drift.id());
        assertThat(loop.monitor.health(MODEL)).isEqualTo(ModelHealth.RETRAINING);

        // The same news delivered twice (a redelivery, a second monitor) must not start a second job.
        MonitorEvent.DriftDetected duplicate = new MonitorEvent.DriftDetected(MonitorEvent.newId(), MODEL,
                loop.clock.instant(), drift.incidentId(), 1, 0.4, 0.4, 10, "duplicate");
        loop.bus.publish(duplicate);

        MonitorEvent.RetrainSkipped skipped = loop.events.single(MonitorEvent.RetrainSkipped.class);
        assertThat(skipped.triggerEventId()).isEqualTo(duplicate.id());
        assertThat(skipped.activeJobId()).isEqualTo(job.id());
        assertThat(loop.jobs(MODEL)).hasSize(1);

        workers.runAll();

        assertThat(loop.events.single(MonitorEvent.ModelPromoted.class).version()).isEqualTo(2);
        assertThat(loop.monitor.status(MODEL).orElseThrow().quietUntil())
                .isEqualTo(loop.clock.instant().plus(POLICY.cooldown()));

        loop.report(10_000, DEGRADED);
        loop.advance(POLICY.cooldown().minus(Duration.ofSeconds(1)));
        loop.report(10, DEGRADED);

        assertThat(alarmsRaised(loop)).hasSize(1);
        assertThat(loop.jobs(MODEL)).hasSize(1);

        loop.advance(Duration.ofSeconds(1));
        loop.report(1, DEGRADED);

        assertThat(alarmsRaised(loop)).hasSize(2);
        assertThat(alarmsRaised(loop).get(1).incidentId()).isNotEqualTo(drift.incidentId());
        assertThat(loop.jobs(MODEL)).hasSize(2);
    }

    /** The DriftDetected events the monitor raised (the test publishes a duplicate of its own). */
    private static List<MonitorEvent.DriftDetected> alarmsRaised(LoopFixture loop) {
        return loop.events.of(MonitorEvent.DriftDetected.class).stream()
                .filter(d -> !d.reason().equals("duplicate")).toList();
    }
}
