package io.visutility.tuning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.visutility.tuning.ParamSpec.CategoricalParam;
import io.visutility.tuning.ParamSpec.FloatParam;
import io.visutility.tuning.ParamSpec.IntParam;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Checks the grid's points, its fixed order after the warm start, and its exhaustion. */
class GridSearchTunerTest {
    private static final SearchSpace SPACE = SearchSpace.of(
            new FloatParam("eta", "", 0.001, 0.1, true, 0.01),
            new IntParam("depth", "", 1, 40, 2, 5L),
            new CategoricalParam("booster", "", List.of("gbtree", "dart"), "gbtree"));

    private static List<HyperParams> run(HyperParamTuner tuner, HyperParams base) {
        List<Trial> history = new ArrayList<>();
        while (true) {
            try {
                HyperParams next = tuner.ask(base, history);
                history.add(Trial.succeeded(history.size(), next, 0));
            } catch (SearchSpaceExhaustedException e) {
                return history.stream().map(Trial::params).toList();
            }
        }
    }

    @Test
    void theWarmStartComesFirstThenEveryGridPointOnceInRowMajorOrder() {
        GridSearchTuner grid = GridSearchTuner.of(SPACE, 3, 4);
        HyperParams champion = HyperParams.of("eta", 0.05, "depth", 9);

        List<HyperParams> all = run(grid, champion);

        assertThat(grid.size()).isEqualTo(3 * 4 * 2);
        assertThat(all).hasSize(25);
        assertThat(all.get(0)).isEqualTo(SPACE.validate(champion));
        assertThat(all.subList(1, 25)).doesNotHaveDuplicates();
        assertThat(all.get(1)).isEqualTo(HyperParams.of("eta", 0.001, "depth", 1, "booster", "gbtree"));
        assertThat(all.get(2)).isEqualTo(HyperParams.of("eta", 0.001, "depth", 1, "booster", "dart"));
        assertThat(all.get(3).get("depth")).isEqualTo(13L);
        assertThat(all.subList(1, 25)).extracting(p -> Math.log10(p.getDouble("eta")))
                .allSatisfy(v -> assertThat(v).isCloseTo(Math.rint(v), org.assertj.core.data.Offset.offset(1e-9)))
                .extracting(Math::rint).containsOnly(-3.0, -2.0, -1.0);
        // 20 grid values of depth, thinned to 4 with both ends kept, all on the step grid from 1.
        assertThat(all.subList(1, 25)).extracting(p -> p.get("depth")).containsOnly(1L, 13L, 27L, 39L);
        assertThat(run(grid, champion)).isEqualTo(all);
    }

    @Test
    void logFloatsAreSpacedEvenlyInLogSpace() {
        List<HyperParams> all = run(GridSearchTuner.of(SearchSpace.of(SPACE.param("eta")), 3, 1).coldStart(),
                HyperParams.empty());

        assertThat(all).extracting(p -> p.getDouble("eta")).hasSize(3)
                .satisfies(v -> assertThat(v.get(1)).isCloseTo(0.01, org.assertj.core.data.Offset.offset(1e-12)));
    }

    @Test
    void aColdStartBeginsOnTheGridAndAnExhaustedGridSaysSo() {
        GridSearchTuner cold = GridSearchTuner.of(SPACE, 2, 2).coldStart();
        List<HyperParams> all = run(cold, HyperParams.of("eta", 0.05));

        assertThat(all).hasSize(8).doesNotHaveDuplicates();
        assertThat(all.get(0)).isEqualTo(HyperParams.of("eta", 0.001, "depth", 1, "booster", "gbtree"));
        List<Trial> done = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            done.add(Trial.succeeded(i, all.get(i), 0));
        }
        assertThatExceptionOfType(SearchSpaceExhaustedException.class)
                .isThrownBy(() -> cold.ask(HyperParams.empty(), done))
                .withMessage("all 8 points of the grid over 3 parameters have been proposed");
    }

    @Test
    void aChampionOutsideTheSpaceStartsFromTheDefaults() {
        HyperParams first = GridSearchTuner.of(SPACE).ask(HyperParams.of("eta", 7.0), List.of());

        assertThat(first).isEqualTo(SPACE.defaults());
    }

    @Test
    void badSettingsAreRefused() {
        assertThatExceptionOfType(TunerException.class).isThrownBy(() -> GridSearchTuner.of(SPACE, 0, 3))
                .withMessage("floatPoints must be >= 1, was 0");
        assertThatExceptionOfType(TunerException.class).isThrownBy(() -> GridSearchTuner.of(SPACE, 3, 0))
                .withMessage("maxIntPoints must be >= 1, was 0");
    }
}
