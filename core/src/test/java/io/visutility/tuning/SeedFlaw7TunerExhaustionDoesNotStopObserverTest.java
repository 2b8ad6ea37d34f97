package io.visutility.tuning;

import static io.visutility.testing.LoopFixture.DEGRADED;
import static io.visutility.testing.LoopFixture.POLICY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.visutility.event.MonitorEvent;
import io.visutility.jobs.JobState;
import io.visutility.monitor.ModelHealth;
import io.visutility.registry.ModelRegistry;
import io.visutility.registry.ModelVersion;
import io.visutility.testing.LoopFixture;
import io.visutility.testing.ThresholdTrainer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Pins seed flaw 7: the tuner only decayed the learning rate and its {@code SearchSpaceExhausted} stopped
 * the whole observer; now exhaustion ends one study (keeping the trials that ran), the observer goes on,
 * and random search replays identically for a seed.
 */
class SeedFlaw7TunerExhaustionDoesNotStopObserverTest {
    private static final double FLOOR = 1e-5;

    @Test
    void theDecayTunerAtItsFloorIsExhausted() {
        assertThatThrownBy(() -> new SimpleDecayTuner().tune(HyperParams.of("learning_rate", FLOOR)))
                .isInstanceOf(SearchSpaceExhaustedException.class).hasMessageContaining("floor");
    }

    @Test
    void exhaustionBeforeAnyTrialFailsThatRetrainAndTheObserverHandlesLaterIncidents() {
        LoopFixture loop = LoopFixture.create(o -> {
            o.tuner = new SimpleDecayTuner();
            o.maxAttempts = 1;
        });
        loop.seedChampion("at-floor", HyperParams.of("learning_rate", FLOOR));
        loop.seedChampion("healthy-space", HyperParams.of("learning_rate", 0.1));

        loop.report("at-floor", 10, DEGRADED);

        MonitorEvent.RetrainFailed failed = loop.events.single(MonitorEvent.RetrainFailed.class);
        assertThat(failed.model()).isEqualTo("at-floor");
        assertThat(failed.reason()).contains("the tuner proposed nothing").contains("floor");
        assertThat(loop.events.of(MonitorEvent.TrialCompleted.class)).isEmpty();
        assertThat(loop.registry.versions("at-floor")).hasSize(1);

        loop.report("healthy-space", 10, DEGRADED);

        assertThat(loop.events.single(MonitorEvent.ModelPromoted.class).model()).isEqualTo("healthy-space");
        assertThat(loop.registry.alias("healthy-space", ModelRegistry.CHAMPION).orElseThrow().version()).isEqualTo(2);

        loop.advance(POLICY.retryAfter());
        loop.report("at-floor", 1, DEGRADED);

        assertThat(loop.jobs("at-floor")).extracting(j -> j.state()).containsExactly(JobState.FAILED, JobState.FAILED);
        assertThat(loop.events.of(MonitorEvent.RetrainFailed.class)).hasSize(2);
        assertThat(loop.monitor.health("at-floor")).isEqualTo(ModelHealth.DEGRADED);
    }

    @Test
    void exhaustionAfterSomeTrialsKeepsTheBestOfThem() {
        LoopFixture loop = LoopFixture.create(o -> {
            o.tuner = new SimpleDecayTuner();
            o.trials = 8;
        });
        // 0.8 x 0.8 above the floor: two decays are left, then the space is exhausted.
        loop.seedChampion(LoopFixture.MODEL, HyperParams.of("learning_rate", FLOOR / 0.64));

        loop.degrade();

        List<MonitorEvent.TrialCompleted> trials = loop.events.of(MonitorEvent.TrialCompleted.class);
        assertThat(trials).extracting(t -> t.params().getDouble("learning_rate"))
                .containsExactly(FLOOR / 0.64 * 0.8, FLOOR);
        assertThat(trials).allSatisfy(t -> assertThat(t.error()).isNull());
        ModelVersion promoted = loop.champion().orElseThrow();
        assertThat(promoted.version()).isEqualTo(2);
        assertThat(promoted.lineage().details()).containsEntry("trials", "2");
        assertThat(loop.events.of(MonitorEvent.RetrainFailed.class)).isEmpty();
    }

    @Test
    void randomSearchReplaysIdenticallyForASeedAndDiffersAcrossSeeds() {
        HyperParams base = ThresholdTrainer.SPACE.defaults();

        List<HyperParams> first = study(RandomSearchTuner.seeded(ThresholdTrainer.SPACE, 11), base);
        List<HyperParams> again = study(RandomSearchTuner.seeded(ThresholdTrainer.SPACE, 11), base);
        List<HyperParams> otherSeed = study(RandomSearchTuner.seeded(ThresholdTrainer.SPACE, 12), base);

        assertThat(again).isEqualTo(first);
        assertThat(first.get(0)).as("warm start from the champion").isEqualTo(base);
        assertThat(otherSeed.get(0)).isEqualTo(base);
        assertThat(otherSeed.subList(1, 10)).doesNotContainAnyElementsOf(first.subList(1, 10));
        assertThat(first).doesNotHaveDuplicates();
        assertThat(first).allSatisfy(p -> assertThat(ThresholdTrainer.SPACE.validate(p)).isEqualTo(p));
    }

    private static List<HyperParams> study(HyperParamTuner tuner, HyperParams base) {
        List<Trial> history = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            history.add(Trial.succeeded(i, tuner.ask(base, history), 0.5));
        }
        return history.stream().map(Trial::params).toList();
    }
}
