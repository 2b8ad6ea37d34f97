package io.visutility.drift.eval.internal;

import io.visutility.training.Dataset;

/**
 * A Naive Bayes classifier over equal-width bins of each feature, fitted once and then frozen: the model
 * of a deployment that is not retrained, so its error rate moves only when the concept does.
 */
public final class BinnedNaiveBayes {
    private final int bins;
    private final float[] low;
    private final float[] width;
    // log P(bin | class) per feature, bin and class, and log P(class)
    private final double[][][] logLikelihood;
    private final double[] logPrior = new double[2];

    private BinnedNaiveBayes(int columns, int bins) {
        this.bins = bins;
        this.low = new float[columns];
        this.width = new float[columns];
        this.logLikelihood = new double[columns][bins][2];
    }

    /** Fits a model on {@code rows}, with {@code bins} bins per feature spanning the values seen. */
    public static BinnedNaiveBayes fit(Dataset rows, int bins) {
        int columns = rows.columns();
        BinnedNaiveBayes model = new BinnedNaiveBayes(columns, bins);
        for (int c = 0; c < columns; c++) {
            float min = Float.POSITIVE_INFINITY;
            float max = Float.NEGATIVE_INFINITY;
            for (int r = 0; r < rows.rows(); r++) {
                min = Math.min(min, rows.feature(r, c));
                max = Math.max(max, rows.feature(r, c));
            }
            model.low[c] = min;
            model.width[c] = max > min ? (max - min) / bins : 1;
        }
        long[] classCount = new long[2];
        long[][][] count = new long[columns][bins][2];
        float[] row = new float[columns];
        for (int r = 0; r < rows.rows(); r++) {
            int label = rows.label(r);
            classCount[label]++;
            for (int c = 0; c < columns; c++) {
                row[c] = rows.feature(r, c);
                count[c][model.bin(c, row[c])][label]++;
            }
        }
        for (int k = 0; k < 2; k++) {
            model.logPrior[k] = Math.log((classCount[k] + 1.0) / (rows.rows() + 2.0));
            for (int c = 0; c < columns; c++) {
                for (int b = 0; b < bins; b++) {
                    // Laplace smoothing: a bin never seen with a class is unlikely, not impossible
                    model.logLikelihood[c][b][k] = Math.log((count[c][b][k] + 1.0) / (classCount[k] + bins));
                }
            }
        }
        return model;
    }

    /** The more probable class of {@code row}, 0 or 1. */
    public int predict(float[] row) {
        double zero = logPrior[0];
        double one = logPrior[1];
        for (int c = 0; c < row.length; c++) {
            int b = bin(c, row[c]);
            zero += logLikelihood[c][b][0];
            one += logLikelihood[c][b][1];
        }
        return one > zero ? 1 : 0;
    }

    private int bin(int column, float value) {
        int b = (int) Math.floor((value - low[column]) / width[column]);
        return Math.max(0, Math.min(bins - 1, b));
    }
}
