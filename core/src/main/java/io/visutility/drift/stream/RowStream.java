package io.visutility.drift.stream;

import io.visutility.drift.DriftException;
import io.visutility.training.Dataset;
import java.util.List;

/**
 * An endless, seeded stream of labelled rows (float features and a 0/1 label) from a synthetic concept,
 * for evaluating models and drift detectors. Not thread-safe; the same factory arguments give the same rows.
 */
public interface RowStream {

    /** The names of the feature columns, in the order {@link #next(float[])} writes them. */
    List<String> featureNames();

    /**
     * Writes the next row's features into {@code row}, which must hold {@link #featureNames()}.size()
     * values, and returns its label, 0 or 1.
     */
    int next(float[] row);

    /** The next {@code rows} rows as a data set. */
    default Dataset take(int rows) {
        if (rows < 0) {
            throw new DriftException("rows must be >= 0, was " + rows);
        }
        int columns = featureNames().size();
        float[] features = new float[rows * columns];
        int[] labels = new int[rows];
        float[] row = new float[columns];
        for (int r = 0; r < rows; r++) {
            labels[r] = next(row);
            System.arraycopy(row, 0, features, r * columns, columns);
        }
        return Dataset.of(featureNames(), features, labels);
    }
}
