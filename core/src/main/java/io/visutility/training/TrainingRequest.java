package io.visutility.training;

import io.visutility.tuning.HyperParams;
import java.util.Objects;

/**
 * What a trainer is asked to do: fit {@code params} on {@code train} and report quality on
 * {@code validation}. The seed makes training reproducible.
 *
 * @param model      the model's name, for logs and lineage
 * @param params     hyper-parameters, validated by the trainer against its search space
 * @param train      rows to fit
 * @param validation rows to score, never used for fitting
 * @param seed       seed for any randomness in training
 * @param budget     how much compute the trainer may spend (see {@link Budget}); trainers must honour it
 */
public record TrainingRequest(String model, HyperParams params, Dataset train, Dataset validation, long seed,
                              Budget budget) {

    /** Checks that nothing is missing and both data sets have the same columns. */
    public TrainingRequest {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(validation, "validation");
        Objects.requireNonNull(budget, "budget");
        if (!train.featureNames().equals(validation.featureNames())) {
            throw new TrainingException("train and validation must have the same columns, were "
                    + train.featureNames() + " and " + validation.featureNames());
        }
        if (train.rows() == 0) {
            throw new TrainingException("train must not be empty");
        }
    }

    /** A request with the full budget. */
    public TrainingRequest(String model, HyperParams params, Dataset train, Dataset validation, long seed) {
        this(model, params, train, validation, seed, Budget.full());
    }
}
