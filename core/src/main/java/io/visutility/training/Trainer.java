package io.visutility.training;

import io.visutility.tuning.SearchSpace;

/**
 * Fits a binary classifier and loads the models it wrote. Implementations must be safe to call from
 * several threads, and must validate parameters against {@link #searchSpace()} before training.
 */
public interface Trainer {

    /** A short stable name recorded in every version's lineage, such as {@code xgboost}. */
    String name();

    /** The parameters this trainer accepts, with their ranges and defaults. */
    SearchSpace searchSpace();

    /**
     * Trains on the request's data and scores the result on its validation rows.
     *
     * @throws TrainingException when a parameter is unknown or out of range, or training fails
     */
    TrainingResult train(TrainingRequest request);

    /**
     * Loads a model from bytes this trainer produced.
     *
     * @throws TrainingException when the bytes are not such a model
     */
    Predictor load(byte[] artifact);
}
