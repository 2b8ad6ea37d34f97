package io.visutility.tuning;

import io.visutility.training.Budget;
import io.visutility.tuning.ParamSpec.CategoricalParam;
import io.visutility.tuning.ParamSpec.FloatParam;
import io.visutility.tuning.ParamSpec.IntParam;
import io.visutility.tuning.internal.ParzenEstimator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

/**
 * The Tree-structured Parzen Estimator of Bergstra et al. (2011). The first trial is the warm start and
 * the next {@code startupTrials - 1} are random search's (same seed, same draws); after that, finished
 * trials are split by objective into the best {@code ceil(gamma * n)} (at least one) and the rest, each
 * parameter gets a density l(x) over the good values and g(x) over the others, and the proposal takes,
 * parameter by parameter, the one of {@code candidates} draws from l with the largest l(x) / g(x), which
 * maximises expected improvement under the model.
 *
 * <p>Floats are modelled on [low, high], in log space for log parameters; integers on [low - step/2,
 * high + step/2], rounded to the step grid; categoricals by counts smoothed with one pseudo-count per
 * choice. Only succeeded trials are fitted, and only those of one budget (successive halving mixes them):
 * the largest budget with at least {@value #MIN_OBSERVATIONS} of them, or else the budget with the most.
 * Pending and failed trials count for numbering only. Like every tuner it is stateless and deterministic
 * for a seed and history.
 */
public final class TpeTuner implements HyperParamTuner {
    /** Observations a budget needs before TPE prefers it to a smaller budget with more. */
    public static final int MIN_OBSERVATIONS = 5;

    private final SearchSpace space;
    private final long seed;
    private final int startupTrials;
    private final int candidates;
    private final double gamma;
    private final List<Trial> prior;

    private TpeTuner(SearchSpace space, long seed, int startupTrials, int candidates, double gamma,
                     List<Trial> prior) {
        this.space = Objects.requireNonNull(space, "space");
        if (startupTrials < 1) {
            throw new TunerException("startupTrials must be >= 1, was " + startupTrials);
        }
        if (candidates < 1) {
            throw new TunerException("candidates must be >= 1, was " + candidates);
        }
        if (!(gamma > 0 && gamma < 1)) {
            throw new TunerException("gamma must be within (0, 1), was " + gamma);
        }
        this.seed = seed;
        this.startupTrials = startupTrials;
        this.candidates = candidates;
        this.gamma = gamma;
        this.prior = List.copyOf(prior);
    }

    /** TPE with 10 start-up trials, 24 candidates and gamma 0.15 (the paper's quantile). */
    public static TpeTuner seeded(SearchSpace space, long seed) {
        return new TpeTuner(space, seed, 10, 24, 0.15, List.of());
    }

    /** The same tuner with other settings: start-up trials (>= 1), candidates per parameter (>= 1), gamma in (0, 1). */
    public TpeTuner withSettings(int startupTrials, int candidates, double gamma) {
        return new TpeTuner(space, seed, startupTrials, candidates, gamma, prior);
    }

    /** The same tuner also fitting {@code prior} trials of earlier studies; numbering and start-up count this study's only. */
    @Override
    public TpeTuner withPrior(List<Trial> prior) {
        return new TpeTuner(space, seed, startupTrials, candidates, gamma, prior);
    }

    @Override
    public HyperParams ask(HyperParams base, List<Trial> history) {
        int number = history.size();
        List<Trial> observed = observations(history);
        if (number < startupTrials || observed.size() < 2) {
            return RandomSearchTuner.seeded(space, seed).ask(base, history);
        }
        observed.sort(Comparator.comparingDouble(Trial::objective).reversed()
                .thenComparingInt(Trial::number));
        int good = Math.min(observed.size() - 1, Math.max(1, (int) Math.ceil(gamma * observed.size())));
        List<HyperParams> below = observed.subList(0, good).stream().map(Trial::params).toList();
        List<HyperParams> above = observed.subList(good, observed.size()).stream().map(Trial::params).toList();
        // A salt keeps these draws apart from random search's stream for the same trial number.
        Random random = new Random(WarmStart.mix(seed ^ 0x7E5L, number));
        Map<String, Object> proposal = new LinkedHashMap<>();
        for (ParamSpec spec : space.params()) {
            proposal.put(spec.name(), propose(spec, below, above, random));
        }
        return HyperParams.of(proposal);
    }

    private Object propose(ParamSpec spec, List<HyperParams> below, List<HyperParams> above, Random random) {
        if (spec instanceof CategoricalParam c) {
            return TpeCategorical.propose(c, below, above, candidates, random);
        }
        TpeAxis axis = TpeAxis.of(spec);
        ParzenEstimator l = new ParzenEstimator(axis.points(spec, below), axis.low, axis.high);
        ParzenEstimator g = new ParzenEstimator(axis.points(spec, above), axis.low, axis.high);
        double best = Double.NaN;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < candidates; i++) {
            double u = axis.snap(l.sample(random));
            double score = Math.log(l.density(u)) - Math.log(g.density(u));
            if (score > bestScore) {
                bestScore = score;
                best = u;
            }
        }
        return axis.value(best);
    }

    /** This study's and the prior's succeeded trials that fit the space, at the budget {@link TpeTuner} fits. */
    private List<Trial> observations(List<Trial> history) {
        Map<Budget, List<Trial>> byBudget = new LinkedHashMap<>();
        List<Trial> all = new ArrayList<>(prior);
        all.addAll(history);
        for (Trial t : all) {
            if (!t.succeeded()) {
                continue;
            }
            HyperParams params;
            try {
                params = space.validate(t.params());
            } catch (TunerException e) {
                continue; // a prior study's parameter this space no longer declares, or a range since narrowed
            }
            byBudget.computeIfAbsent(t.budget(), b -> new ArrayList<>())
                    .add(new Trial(t.number(), params, t.objective(), null, t.budget()));
        }
        Comparator<Map.Entry<Budget, List<Trial>>> larger = Comparator.comparing(e -> size(e.getKey()));
        return byBudget.entrySet().stream()
                .max(Comparator.<Map.Entry<Budget, List<Trial>>>comparingInt(
                                e -> e.getValue().size() >= MIN_OBSERVATIONS ? 1 : 0)
                        .thenComparing(e -> e.getValue().size() >= MIN_OBSERVATIONS ? 0 : e.getValue().size())
                        .thenComparing(larger))
                .map(e -> new ArrayList<>(e.getValue()))
                .orElseGet(ArrayList::new);
    }

    private static double size(Budget budget) {
        return budget.isFull() ? Double.POSITIVE_INFINITY : budget.amount();
    }
}
