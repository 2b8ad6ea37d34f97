package io.visutility.training;

/** Where a retrain gets its data: the recent labelled rows of a model. */
@FunctionalInterface
public interface DatasetSource {

    /**
     * A snapshot of recent labelled data for {@code model}; later arrivals do not change it.
     *
     * @throws TrainingException when there is not enough data to train on
     */
    Dataset recent(String model);
}
