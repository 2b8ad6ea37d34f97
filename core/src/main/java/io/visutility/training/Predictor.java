package io.visutility.training;

/**
 * A loaded model that scores rows. May hold native memory: close it when done.
 */
public interface Predictor extends AutoCloseable {

    /** Probability of the positive class for each row of {@code data}, in row order. */
    double[] predict(Dataset data);

    /** Releases what the model holds; the default holds nothing. */
    @Override
    default void close() {
    }
}
