package io.visutility.server.app;

import io.visutility.drift.DriftDetectors;
import io.visutility.monitor.DetectorFactory;
import io.visutility.monitor.MonitorPolicy;
import io.visutility.registry.InvalidArgumentException;
import io.visutility.registry.Names;
import io.visutility.retrain.PromotionGate;
import io.visutility.tuning.SearchSpace;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * How the orchestrator looks after one model: the features its predictions carry (in the order its
 * artifacts expect them), how a candidate is trained and tuned, what the monitor watches and what a
 * candidate must beat to be promoted.
 *
 * @param name     the model's name
 * @param features feature names in column order (1 to 1,000, distinct)
 * @param trainer  {@code xgboost} (built in) or {@code command} (an external program, see the trainer contract)
 * @param command  the program and its arguments for a {@code command} trainer; empty for {@code xgboost}
 * @param space    the search space, or null for the trainer's own ({@code command} trainers need one)
 * @param tuner    {@code random}, {@code tpe} or {@code grid}
 * @param trials   trials per retrain, 1 to 1,000
 * @param policy   what the monitor watches and when it raises an incident
 * @param gate     what a candidate must beat to be promoted
 * @param dataset  {@code feedback} (the labelled traffic the orchestrator received) or {@code csv:PATH}
 * @param minRows  fewest fresh labelled rows a retrain waits for ({@code feedback} only)
 */
public record ModelSpec(String name, List<String> features, String trainer, List<String> command, SearchSpace space,
                        String tuner, int trials, MonitorPolicy policy, PromotionGate gate, String dataset,
                        int minRows) {
    /** Trainers the orchestrator knows. */
    public static final Set<String> TRAINERS = Set.of("xgboost", "command");
    /** Tuners the orchestrator knows. */
    public static final Set<String> TUNERS = Set.of("random", "tpe", "grid");

    /** Validates every field; each error names the field and the value. */
    public ModelSpec {
        Names.model(name);
        Objects.requireNonNull(features, "features");
        if (features.isEmpty() || features.size() > 1_000) {
            throw new InvalidArgumentException("features", "features must have 1 to 1000 names, had " + features.size());
        }
        Set<String> seen = new HashSet<>();
        for (String feature : features) {
            if (feature == null || feature.isBlank() || feature.length() > 200 || !seen.add(feature)) {
                throw new InvalidArgumentException("features", "features must be distinct non-blank names of at most"
                        + " 200 characters, had " + (feature == null ? "null" : "\"" + feature + "\""));
            }
        }
        features = List.copyOf(features);
        if (!TRAINERS.contains(trainer)) {
            throw new InvalidArgumentException("trainer", "trainer must be one of " + TRAINERS + ", was " + trainer);
        }
        command = command == null ? List.of() : List.copyOf(command);
        if (trainer.equals("command") && command.isEmpty()) {
            throw new InvalidArgumentException("command", "a command trainer needs a command");
        }
        if (trainer.equals("command") && space == null) {
            throw new InvalidArgumentException("space", "a command trainer needs a search space");
        }
        if (!TUNERS.contains(tuner)) {
            throw new InvalidArgumentException("tuner", "tuner must be one of " + TUNERS + ", was " + tuner);
        }
        if (trials < 1 || trials > 1_000) {
            throw new InvalidArgumentException("trials", "trials must be within [1, 1000], was " + trials);
        }
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(gate, "gate");
        if (dataset == null || !(dataset.equals("feedback") || dataset.startsWith("csv:") && dataset.length() > 4)) {
            throw new InvalidArgumentException("dataset", "dataset must be \"feedback\" or \"csv:PATH\", was " + dataset);
        }
        if (minRows < 10 || minRows > 10_000_000) {
            throw new InvalidArgumentException("minRows", "minRows must be within [10, 10000000], was " + minRows);
        }
    }

    /**
     * An XGBoost model on {@code features} with the defaults: random search, 20 trials, the default gate,
     * and the default monitor policy plus the recommended detector on the error stream of labelled predictions.
     */
    public static ModelSpec xgboost(String name, List<String> features) {
        return new ModelSpec(name, features, "xgboost", List.of(), null, "random", 20, defaultPolicy(),
                PromotionGate.defaults(), "feedback", 2_000);
    }

    /** {@link MonitorPolicy#defaults()} with the recommended error-stream detector. */
    public static MonitorPolicy defaultPolicy() {
        return MonitorPolicy.defaults().withDetectors(List.of(
                new DetectorFactory(DriftDetectors.RECOMMENDED, DriftDetectors::recommended)));
    }

    /**
     * Whether {@code other} asks for the same as this spec. Detectors are compared by name, since a
     * policy's detector factories are functions that no two declarations share.
     */
    public boolean sameAs(ModelSpec other) {
        if (other == null) {
            return false;
        }
        List<String> mine = policy.detectors().stream().map(DetectorFactory::name).toList();
        List<String> theirs = other.policy.detectors().stream().map(DetectorFactory::name).toList();
        return mine.equals(theirs) && withPolicy(policy.withDetectors(List.of()))
                .equals(other.withPolicy(other.policy.withDetectors(List.of())));
    }

    /** This spec with another monitor policy. */
    public ModelSpec withPolicy(MonitorPolicy policy) {
        return new ModelSpec(name, features, trainer, command, space, tuner, trials, policy, gate, dataset, minRows);
    }

    /** This spec with another number of trials per retrain. */
    public ModelSpec withTrials(int trials) {
        return new ModelSpec(name, features, trainer, command, space, tuner, trials, policy, gate, dataset, minRows);
    }

    /** This spec with another tuner. */
    public ModelSpec withTuner(String tuner) {
        return new ModelSpec(name, features, trainer, command, space, tuner, trials, policy, gate, dataset, minRows);
    }

    /** This spec with another promotion gate. */
    public ModelSpec withGate(PromotionGate gate) {
        return new ModelSpec(name, features, trainer, command, space, tuner, trials, policy, gate, dataset, minRows);
    }

    /** This spec with another data source. */
    public ModelSpec withDataset(String dataset) {
        return new ModelSpec(name, features, trainer, command, space, tuner, trials, policy, gate, dataset, minRows);
    }

    /** This spec with another search space. */
    public ModelSpec withSpace(SearchSpace space) {
        return new ModelSpec(name, features, trainer, command, space, tuner, trials, policy, gate, dataset, minRows);
    }

    /** This spec with an external trainer program. */
    public ModelSpec withCommand(List<String> command, SearchSpace space) {
        return new ModelSpec(name, features, "command", command, space, tuner, trials, policy, gate, dataset, minRows);
    }

    /** This spec with another minimum of fresh rows per retrain. */
    public ModelSpec withMinRows(int minRows) {
        return new ModelSpec(name, features, trainer, command, space, tuner, trials, policy, gate, dataset, minRows);
    }
}
