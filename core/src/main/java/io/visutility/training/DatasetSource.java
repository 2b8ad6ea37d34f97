package io.visutility.training;

import java.time.Instant;

/** Where a retrain gets its data: the recent labelled rows of a model. */
@FunctionalInterface
public interface DatasetSource {

    /**
     * A snapshot of recent labelled data for {@code model}; later arrivals do not change it.
     *
     * @throws TrainingException when there is not enough data to train on
     */
    Dataset recent(String model);

    /**
     * A snapshot of the labelled rows that arrived at or after {@code since} (the retrain passes the
     * time it was requested, so a model is refitted on data from after its drift). Sources that keep
     * no arrival times return {@link #recent(String)}.
     */
    default Dataset recent(String model, Instant since) {
        return recent(model);
    }
}
