package io.visutility.tuning;

import static org.assertj.core.api.Assertions.assertThat;

import io.visutility.tuning.ParamSpec.CategoricalParam;
import io.visutility.tuning.ParamSpec.FloatParam;
import io.visutility.tuning.ParamSpec.IntParam;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Checks that TPE replays per seed, closes in on a known optimum, and learns from earlier studies. */
class TpeTunerTest {
    private static final SearchSpace SQUARE = SearchSpace.of(
            new FloatParam("x", "", 0, 1, false, 0.5),
            new FloatParam("y", "", 0, 1, false, 0.5));
    private static final ToDoubleFunction<HyperParams> BOWL =
            p -> -(Math.pow(p.getDouble("x") - 0.3, 2) + Math.pow(p.getDouble("y") - 0.7, 2));

    static List<Trial> study(HyperParamTuner tuner, HyperParams base, int trials, ToDoubleFunction<HyperParams> f) {
        List<Trial> history = new ArrayList<>();
        for (int i = 0; i < trials; i++) {
            HyperParams next = tuner.ask(base, history);
            history.add(Trial.succeeded(i, next, f.applyAsDouble(next)));
        }
        return history;
    }

    private static double meanDistance(List<Trial> trials) {
        return trials.stream().mapToDouble(t -> Math.sqrt(-BOWL.applyAsDouble(t.params()))).average().orElseThrow();
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4})
    void itConcentratesAroundTheMinimumOfAQuadratic(long seed) {
        List<Trial> tpe = study(TpeTuner.seeded(SQUARE, seed), HyperParams.empty(), 60, BOWL);
        List<Trial> random = study(RandomSearchTuner.seeded(SQUARE, seed), HyperParams.empty(), 60, BOWL);

        double tpeLate = meanDistance(tpe.subList(40, 60));
        double randomLate = meanDistance(random.subList(40, 60));
        double best = tpe.stream().mapToDouble(t -> Math.sqrt(-t.objective())).min().orElseThrow();

        assertThat(tpeLate).as("TPE's last 20 vs random's %s", randomLate).isLessThan(randomLate / 2);
        assertThat(best).isLessThan(0.05);
    }

    @Test
    void theSameSeedAndHistoryGiveTheSameProposalsAndOtherSeedsDiffer() {
        List<Trial> a = study(TpeTuner.seeded(SQUARE, 7), HyperParams.empty(), 30, BOWL);
        List<Trial> b = study(TpeTuner.seeded(SQUARE, 7), HyperParams.empty(), 30, BOWL);
        List<Trial> c = study(TpeTuner.seeded(SQUARE, 8), HyperParams.empty(), 30, BOWL);

        assertThat(b).isEqualTo(a);
        for (int i = 10; i < 30; i++) {
            assertThat(c.get(i).params()).as("trial %d", i).isNotEqualTo(a.get(i).params());
        }
        assertThat(TpeTuner.seeded(SQUARE, 7).ask(HyperParams.empty(), a.subList(0, 20)))
                .as("resumes from a stored history").isEqualTo(a.get(20).params());
    }

    @Test
    void startUpIsTheWarmStartThenRandomSearchAndPendingTrialsOnlyCount() {
        HyperParams champion = HyperParams.of("x", 0.9, "y", 0.1);
        List<Trial> tpe = study(TpeTuner.seeded(SQUARE, 3), champion, 10, BOWL);
        List<Trial> random = study(RandomSearchTuner.seeded(SQUARE, 3), champion, 10, BOWL);

        assertThat(tpe.get(0).params()).isEqualTo(champion);
        assertThat(tpe).isEqualTo(random);

        List<Trial> withPending = new ArrayList<>(tpe);
        withPending.add(Trial.pending(10, champion, io.visutility.training.Budget.full()));
        withPending.add(Trial.failed(11, champion, "out of memory"));
        HyperParams twelfth = TpeTuner.seeded(SQUARE, 3).ask(champion, withPending);
        List<Trial> finished = new ArrayList<>(tpe);
        finished.add(Trial.failed(10, champion, "lost"));
        finished.add(Trial.failed(11, champion, "lost"));
        assertThat(TpeTuner.seeded(SQUARE, 3).ask(champion, finished)).isEqualTo(twelfth);
    }

    @Test
    void categoricalAndIntegerParametersFavourWhatScoredBest() {
        SearchSpace space = SearchSpace.of(
                new CategoricalParam("booster", "", List.of("gbtree", "dart", "gblinear"), "gbtree"),
                new IntParam("depth", "", 1, 21, 2, 1L));
        ToDoubleFunction<HyperParams> f = p -> (p.getString("booster").equals("dart") ? 1 : 0)
                - Math.abs(p.getInt("depth") - 13) / 10.0;

        List<Trial> trials = study(TpeTuner.seeded(space, 11), HyperParams.empty(), 50, f);
        List<HyperParams> late = trials.subList(30, 50).stream().map(Trial::params).toList();

        assertThat(late.stream().filter(p -> p.getString("booster").equals("dart")).count()).isGreaterThan(14);
        assertThat(late).allSatisfy(p -> assertThat((p.getInt("depth") - 1) % 2).isZero());
        assertThat(late.stream().mapToInt(p -> Math.abs(p.getInt("depth") - 13)).average().orElseThrow())
                .isLessThan(3);
        late.forEach(p -> assertThat(space.validate(p)).isEqualTo(p));
    }

    @Test
    void logParametersAreSearchedOnTheLogScale() {
        SearchSpace space = SearchSpace.of(new FloatParam("eta", "", 1e-5, 1.0, true, 0.1));
        ToDoubleFunction<HyperParams> f = p -> -Math.abs(Math.log10(p.getDouble("eta")) + 3);

        List<Trial> trials = study(TpeTuner.seeded(space, 5), HyperParams.empty(), 50, f);

        double lateLogError = trials.subList(30, 50).stream().mapToDouble(t -> -t.objective()).average().orElseThrow();
        assertThat(lateLogError).as("mean |log10(eta) + 3| of the last 20").isLessThan(0.6);
        trials.forEach(t -> assertThat(t.params().getDouble("eta")).isBetween(1e-5, 1.0));
    }

    @Test
    void priorStudiesGuideTheFirstModelBasedProposalsButNotTheNumbering() {
        double withPrior = 0;
        double without = 0;
        for (long seed = 0; seed < 20; seed++) {
            List<Trial> earlier = study(TpeTuner.seeded(SQUARE, 1000 + seed), HyperParams.empty(), 60, BOWL);
            List<Trial> startUp = study(RandomSearchTuner.seeded(SQUARE, seed), HyperParams.empty(), 10, BOWL);
            HyperParamTuner informed = TpeTuner.seeded(SQUARE, seed).withPrior(earlier);

            assertThat(informed.ask(HyperParams.empty(), startUp.subList(0, 5))).as("start-up stays random")
                    .isEqualTo(startUp.get(5).params());
            withPrior += Math.sqrt(-BOWL.applyAsDouble(informed.ask(HyperParams.empty(), startUp)));
            without += Math.sqrt(-BOWL.applyAsDouble(TpeTuner.seeded(SQUARE, seed).ask(HyperParams.empty(), startUp)));
        }

        assertThat(withPrior / 20).as("mean distance with prior vs without %s", without / 20).isLessThan(without / 40);
    }
}
