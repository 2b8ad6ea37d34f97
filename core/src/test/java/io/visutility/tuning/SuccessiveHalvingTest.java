package io.visutility.tuning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.visutility.training.Budget;
import io.visutility.tuning.ParamSpec.FloatParam;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.ToDoubleBiFunction;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Checks ASHA's rungs, whom it promotes, its eta geometry, and that it resumes from any history. */
class SuccessiveHalvingTest {
    private static final SearchSpace SPACE = SearchSpace.of(new FloatParam("q", "quality", 0, 1, false, 0.5));
    /** Larger budgets score higher, and so does q; a trial's score at any budget ranks candidates alike. */
    private static final ToDoubleBiFunction<HyperParams, Budget> SCORE =
            (p, b) -> p.getDouble("q") * (1 - 1 / b.amount());

    private static SuccessiveHalving asha(long seed, int candidates) {
        return SuccessiveHalving.of(RandomSearchTuner.coldStart(SPACE, seed), Budget.rounds(3), Budget.rounds(81),
                3, candidates);
    }

    /** Starts everything the scheduler offers, then finishes it all: the synchronous case. */
    private static List<Trial> synchronous(TrialScheduler scheduler) {
        List<Trial> history = new ArrayList<>();
        while (true) {
            int before = history.size();
            Optional<Suggestion> next;
            while ((next = scheduler.next(HyperParams.empty(), history)).isPresent()) {
                history.add(Trial.pending(history.size(), next.get().params(), next.get().budget()));
            }
            if (history.size() == before) {
                return history;
            }
            history.replaceAll(t -> t.pending()
                    ? Trial.succeeded(t.number(), t.params(), SCORE.applyAsDouble(t.params(), t.budget()), t.budget())
                    : t);
        }
    }

    /** One trial at a time, each finished before the next ask. */
    private static List<Trial> sequential(TrialScheduler scheduler) {
        List<Trial> history = new ArrayList<>();
        Optional<Suggestion> next;
        while ((next = scheduler.next(HyperParams.empty(), history)).isPresent()) {
            Suggestion s = next.get();
            history.add(Trial.succeeded(history.size(), s.params(), SCORE.applyAsDouble(s.params(), s.budget()),
                    s.budget()));
        }
        return history;
    }

    private static Map<Double, Long> perRung(List<Trial> trials) {
        return trials.stream().collect(Collectors.groupingBy(t -> t.budget().amount(), TreeMap::new,
                Collectors.counting()));
    }

    @Test
    void rungsGrowByEtaUpToTheMaxBudget() {
        assertThat(asha(1, 9).rungs()).containsExactly(Budget.rounds(3), Budget.rounds(9), Budget.rounds(27),
                Budget.rounds(81));
        assertThat(SuccessiveHalving.of(RandomSearchTuner.seeded(SPACE, 1), Budget.rounds(10), Budget.rounds(200), 9)
                .rungs()).containsExactly(Budget.rounds(22), Budget.rounds(67), Budget.rounds(200));
        assertThat(SuccessiveHalving.of(RandomSearchTuner.seeded(SPACE, 1), Budget.fraction(0.25), Budget.fraction(1),
                2, 4).rungs()).containsExactly(Budget.fraction(0.25), Budget.fraction(0.5), Budget.fraction(1));
    }

    @Test
    void inTheSynchronousCaseEachRungKeepsTheTopThirdOfTheOneBelow() {
        List<Trial> trials = synchronous(asha(4, 27));

        assertThat(perRung(trials)).containsExactly(Map.entry(3.0, 27L), Map.entry(9.0, 9L), Map.entry(27.0, 3L),
                Map.entry(81.0, 1L));
        List<Double> qualities = trials.stream().filter(t -> t.budget().equals(Budget.rounds(3)))
                .map(t -> t.params().getDouble("q")).sorted().toList();
        double bestQ = qualities.get(qualities.size() - 1);
        Trial top = trials.stream().filter(t -> t.budget().equals(Budget.rounds(81))).findFirst().orElseThrow();
        assertThat(top.params().getDouble("q")).isEqualTo(bestQ);
        List<Double> second = trials.stream().filter(t -> t.budget().equals(Budget.rounds(9)))
                .map(t -> t.params().getDouble("q")).sorted().toList();
        assertThat(second).isEqualTo(qualities.subList(18, 27));
    }

    @Test
    void aPromotionNamesTheTrialItContinuesAndComesBeforeANewCandidate() {
        List<Trial> history = new ArrayList<>();
        double[] qs = {0.2, 0.9, 0.5};
        for (int i = 0; i < 3; i++) {
            HyperParams p = HyperParams.of("q", qs[i]);
            history.add(Trial.succeeded(i, p, SCORE.applyAsDouble(p, Budget.rounds(3)), Budget.rounds(3)));
        }

        Suggestion next = asha(1, 10).next(HyperParams.empty(), history).orElseThrow();

        assertThat(next).isEqualTo(new Suggestion(HyperParams.of("q", 0.9), Budget.rounds(9), 1));
        history.add(Trial.pending(3, next.params(), next.budget()));
        Suggestion after = asha(1, 10).next(HyperParams.empty(), history).orElseThrow();
        assertThat(after.promotedFrom()).as("the promoted one is not promoted twice").isEqualTo(-1);
        assertThat(after.budget()).isEqualTo(Budget.rounds(3));
    }

    @Test
    void sequentialAshaSpendsFarLessThanFullBudgetsAndFindsTheBest() {
        List<Trial> trials = sequential(asha(2, 27));

        double spent = trials.stream().mapToDouble(t -> t.budget().amount()).sum();
        assertThat(perRung(trials).get(3.0)).isEqualTo(27L);
        assertThat(perRung(trials).get(81.0)).isGreaterThanOrEqualTo(1L);
        assertThat(spent).isLessThan(27 * 81 / 3.0);
        double bestQ = trials.stream().mapToDouble(t -> t.params().getDouble("q")).max().orElseThrow();
        assertThat(trials.stream().filter(t -> t.budget().equals(Budget.rounds(81)))
                .mapToDouble(t -> t.params().getDouble("q")).max().orElseThrow()).isEqualTo(bestQ);
    }

    @Test
    void theSameSeedGivesTheSameTrialsAndAPartialHistoryTheSameNextSuggestion() {
        List<Trial> whole = sequential(asha(9, 20));

        assertThat(sequential(asha(9, 20))).isEqualTo(whole);
        assertThat(sequential(asha(10, 20))).isNotEqualTo(whole);
        for (int cut : new int[] {0, 5, 13, whole.size() - 1}) {
            Suggestion resumed = asha(9, 20).next(HyperParams.empty(), whole.subList(0, cut)).orElseThrow();
            assertThat(resumed.params()).as("after %d trials", cut).isEqualTo(whole.get(cut).params());
            assertThat(resumed.budget()).isEqualTo(whole.get(cut).budget());
        }
        assertThat(asha(9, 20).next(HyperParams.empty(), whole)).isEmpty();
    }

    @Test
    void badSettingsAreRefused() {
        HyperParamTuner tuner = RandomSearchTuner.seeded(SPACE, 1);
        assertThatExceptionOfType(TunerException.class)
                .isThrownBy(() -> SuccessiveHalving.of(tuner, Budget.rounds(9), Budget.rounds(3), 5))
                .withMessage("min budget must be below max budget, were rounds:9 and rounds:3");
        assertThatExceptionOfType(TunerException.class)
                .isThrownBy(() -> SuccessiveHalving.of(tuner, Budget.rounds(1), Budget.fraction(1), 5))
                .withMessage("min and max budget must both be rounds or both fractions, were rounds:1 and fraction:1.0");
        assertThatExceptionOfType(TunerException.class)
                .isThrownBy(() -> SuccessiveHalving.of(tuner, Budget.rounds(1), Budget.rounds(9), 1, 5))
                .withMessage("eta must be >= 2, was 1");
        assertThatExceptionOfType(TunerException.class)
                .isThrownBy(() -> SuccessiveHalving.of(tuner, Budget.rounds(1), Budget.rounds(9), 3, 0))
                .withMessage("candidates must be >= 1, was 0");
    }
}
