package io.visutility.drift.eval.internal;

import io.visutility.drift.stream.RowStream;
import java.util.function.DoubleSupplier;

/**
 * The error stream of a frozen model on a row stream: 1 when the model's prediction differs from the
 * row's label, 0 when it agrees.
 */
public final class ModelErrorStream implements DoubleSupplier {
    private final BinnedNaiveBayes model;
    private final RowStream rows;
    private final float[] row;

    /** Errors of {@code model} on {@code rows}. */
    public ModelErrorStream(BinnedNaiveBayes model, RowStream rows) {
        this.model = model;
        this.rows = rows;
        this.row = new float[rows.featureNames().size()];
    }

    @Override
    public double getAsDouble() {
        int label = rows.next(row);
        return model.predict(row) == label ? 0.0 : 1.0;
    }
}
