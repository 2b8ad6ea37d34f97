package io.visutility.ingest;

import java.util.List;

/**
 * Takes in what the outside world reports about a model. Each call is a batch of one model's records:
 * all of it is applied, or none of it is when a record is invalid.
 */
public interface IngestSink {
    /**
     * Takes metric reports for {@code model}.
     *
     * @return how many were accepted
     * @throws io.visutility.registry.ModelNotFoundException when the model is not declared
     * @throws InvalidRecordException                      when a record is invalid (nothing applied)
     */
    int metrics(String model, List<MetricReport> reports);

    /** Takes served predictions for {@code model}; as {@link #metrics}. */
    int predictions(String model, List<PredictionReport> reports);

    /** Takes late labels for {@code model}, joined to earlier predictions by id; as {@link #metrics}. */
    int labels(String model, List<LabelReport> reports);
}
