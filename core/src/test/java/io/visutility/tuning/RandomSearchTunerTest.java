package io.visutility.tuning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Checks that random search starts from the champion, replays per seed, and resumes from any history. */
class RandomSearchTunerTest {
    private static final SearchSpace SPACE = SearchSpaceTest.SPACE;
    private static final HyperParams CHAMPION = HyperParams.of("eta", 0.07, "depth", 7);

    private static List<HyperParams> study(HyperParamTuner tuner, int trials) {
        List<Trial> history = new ArrayList<>();
        for (int i = 0; i < trials; i++) {
            HyperParams next = tuner.ask(CHAMPION, history);
            history.add(Trial.succeeded(i, next, i / 10.0));
        }
        return history.stream().map(Trial::params).toList();
    }

    @Test
    void theFirstCandidateIsTheValidatedChampion() {
        HyperParams first = RandomSearchTuner.seeded(SPACE, 1).ask(CHAMPION, List.of());

        assertThat(first).isEqualTo(SPACE.validate(CHAMPION));
        assertThat(first.get("depth")).isEqualTo(7L);
        assertThat(first.get("booster")).isEqualTo("gbtree");
    }

    @Test
    void anOutOfRangeChampionIsNotRetriedButSampledInstead() {
        RandomSearchTuner tuner = RandomSearchTuner.seeded(SPACE, 1);

        HyperParams first = tuner.ask(HyperParams.of("eta", 5.0), List.of());

        assertThat(SPACE.validate(first)).isEqualTo(first);
        assertThat(first.getDouble("eta")).isNotEqualTo(5.0);
        assertThat(tuner.ask(HyperParams.of("eta", 5.0), List.of())).as("still deterministic").isEqualTo(first);
    }

    @Test
    void parametersOutsideTheSpaceAreIgnoredByTheWarmStart() {
        HyperParams first = RandomSearchTuner.seeded(SPACE, 1).ask(CHAMPION.with("other_trainer_knob", 3), List.of());

        assertThat(first).isEqualTo(SPACE.validate(CHAMPION));
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {0, 1, 42, -7, Long.MAX_VALUE})
    void theSameSeedReplaysTheSameStudyAndEveryCandidateIsValid(long seed) {
        List<HyperParams> first = study(RandomSearchTuner.seeded(SPACE, seed), 20);
        List<HyperParams> second = study(RandomSearchTuner.seeded(SPACE, seed), 20);

        assertThat(second).isEqualTo(first);
        first.forEach(p -> assertThat(SPACE.validate(p)).isEqualTo(p));
        assertThat(first.subList(1, 20)).doesNotHaveDuplicates().doesNotContain(first.get(0));
    }

    @Test
    void differentSeedsExploreDifferently() {
        List<HyperParams> a = study(RandomSearchTuner.seeded(SPACE, 1), 10);
        List<HyperParams> b = study(RandomSearchTuner.seeded(SPACE, 2), 10);

        assertThat(a.get(0)).isEqualTo(b.get(0));
        for (int i = 1; i < 10; i++) {
            assertThat(a.get(i)).as("trial %d", i).isNotEqualTo(b.get(i));
        }
    }

    @Test
    void aCandidateDependsOnlyOnSeedAndTrialNumberSoAStudyResumesAnywhere() {
        List<HyperParams> straight = study(RandomSearchTuner.seeded(SPACE, 9), 8);
        List<Trial> otherHistory = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            otherHistory.add(Trial.failed(i, SPACE.defaults(), "lost in a crash"));
        }

        assertThat(RandomSearchTuner.seeded(SPACE, 9).ask(HyperParams.empty(), otherHistory))
                .isEqualTo(straight.get(5));
    }

    @Test
    void aColdStartIgnoresTheChampion() {
        List<HyperParams> cold = study(RandomSearchTuner.coldStart(SPACE, 1), 10);
        List<HyperParams> warm = study(RandomSearchTuner.seeded(SPACE, 1), 10);

        assertThat(cold.get(0)).isNotEqualTo(SPACE.validate(CHAMPION));
        assertThat(RandomSearchTuner.coldStart(SPACE, 1).ask(HyperParams.of("eta", 99.0), List.of()))
                .isEqualTo(cold.get(0));
        assertThat(cold.subList(1, 10)).isEqualTo(warm.subList(1, 10));
        cold.forEach(p -> assertThat(SPACE.validate(p)).isEqualTo(p));
    }
}
