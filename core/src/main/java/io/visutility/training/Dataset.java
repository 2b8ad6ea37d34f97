package io.visutility.training;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Labelled rows for binary classification: a dense row-major matrix of float features and a 0/1 label
 * per row. Immutable; the arrays handed in are copied.
 */
public final class Dataset {
    private final List<String> featureNames;
    private final float[] features;
    private final int[] labels;

    private Dataset(List<String> featureNames, float[] features, int[] labels) {
        this.featureNames = featureNames;
        this.features = features;
        this.labels = labels;
    }

    /**
     * Creates a data set.
     *
     * @param featureNames one name per column
     * @param features     row-major values, {@code rows x featureNames.size()} of them, all finite
     * @param labels       one 0 or 1 per row
     */
    public static Dataset of(List<String> featureNames, float[] features, int[] labels) {
        List<String> names = List.copyOf(featureNames);
        if (names.isEmpty()) {
            throw new TrainingException("featureNames must not be empty");
        }
        if ((long) labels.length * names.size() != features.length) {
            throw new TrainingException("features must hold rows x columns = " + labels.length + " x "
                    + names.size() + " values, was " + features.length);
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] != 0 && labels[i] != 1) {
                throw new TrainingException("label of row " + i + " must be 0 or 1, was " + labels[i]);
            }
        }
        for (int i = 0; i < features.length; i++) {
            if (!Float.isFinite(features[i])) {
                throw new TrainingException("feature " + names.get(i % names.size()) + " of row "
                        + (i / names.size()) + " must be finite, was " + features[i]);
            }
        }
        return new Dataset(names, features.clone(), labels.clone());
    }

    /** Number of rows. */
    public int rows() {
        return labels.length;
    }

    /** Number of feature columns. */
    public int columns() {
        return featureNames.size();
    }

    /** Names of the feature columns. */
    public List<String> featureNames() {
        return featureNames;
    }

    /** A copy of the row-major feature values. */
    public float[] features() {
        return features.clone();
    }

    /** A copy of the labels. */
    public int[] labels() {
        return labels.clone();
    }

    /** Value of column {@code column} in row {@code row}. */
    public float feature(int row, int column) {
        return features[row * featureNames.size() + column];
    }

    /** Label of row {@code row}. */
    public int label(int row) {
        return labels[row];
    }

    /** Fraction of rows labelled 1 (0 for an empty set). */
    public double positiveRate() {
        return labels.length == 0 ? 0 : Arrays.stream(labels).filter(l -> l == 1).count() / (double) labels.length;
    }

    /** Rows {@code from} (inclusive) to {@code to} (exclusive) as a new data set. */
    public Dataset slice(int from, int to) {
        if (from < 0 || to > rows() || from > to) {
            throw new TrainingException("slice must satisfy 0 <= from <= to <= " + rows() + ", was [" + from + ", " + to + ")");
        }
        int c = columns();
        return new Dataset(featureNames, Arrays.copyOfRange(features, from * c, to * c),
                Arrays.copyOfRange(labels, from, to));
    }

    /**
     * Shuffles the rows with {@code seed} and splits them into training and validation parts; the same
     * seed gives the same split.
     *
     * @param validationFraction share of rows for validation, in (0, 1)
     */
    public Split split(double validationFraction, long seed) {
        if (!(validationFraction > 0 && validationFraction < 1)) {
            throw new TrainingException("validationFraction must be within (0, 1), was " + validationFraction);
        }
        int n = rows();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Random random = new Random(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int validationRows = (int) Math.round(n * validationFraction);
        return new Split(select(order, validationRows, n), select(order, 0, validationRows));
    }

    private Dataset select(int[] order, int from, int to) {
        int c = columns();
        float[] f = new float[(to - from) * c];
        int[] l = new int[to - from];
        for (int k = from; k < to; k++) {
            System.arraycopy(features, order[k] * c, f, (k - from) * c, c);
            l[k - from] = labels[order[k]];
        }
        return new Dataset(featureNames, f, l);
    }

    /** The rows of {@code parts} one after the other; all parts must have the same columns. */
    public static Dataset concat(List<Dataset> parts) {
        if (parts.isEmpty()) {
            throw new TrainingException("concat needs at least one data set");
        }
        List<String> names = parts.get(0).featureNames;
        int rows = 0;
        for (Dataset part : parts) {
            if (!part.featureNames.equals(names)) {
                throw new TrainingException("cannot concatenate data sets with columns " + names + " and "
                        + part.featureNames);
            }
            rows += part.rows();
        }
        float[] f = new float[rows * names.size()];
        int[] l = new int[rows];
        int at = 0;
        for (Dataset part : parts) {
            System.arraycopy(part.features, 0, f, at * names.size(), part.features.length);
            System.arraycopy(part.labels, 0, l, at, part.labels.length);
            at += part.rows();
        }
        return new Dataset(names, f, l);
    }

    /** A training part and a validation part of one data set. */
    public record Split(Dataset train, Dataset validation) {
    }

    @Override
    public String toString() {
        return "Dataset[rows=" + rows() + ", columns=" + featureNames + "]";
    }
}
