package io.visutility.drift;

import io.visutility.drift.internal.Values;
import io.visutility.drift.internal.WindowTests;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Watches the input features of one model. The first {@code referenceSize} rows become the reference, kept
 * as one compact {@link FeatureReference} per feature; after that every {@code windowSize} rows form a
 * window whose features are each compared with their reference, and Benjamini-Hochberg at the false
 * discovery rate decides which drifted, so fifty quiet features do not mean fifty chances of a false alarm.
 * When nothing changed a window reports drift with probability about {@code fdr}: the default 1e-4 means
 * about one false report in ten thousand windows.
 *
 * <p>Not thread-safe: the caller holds a lock around {@link #add} and {@link #rearm}. Memory is bounded by
 * the window ({@code windowSize} values per feature) and the references (see {@link Builder#referenceSample}
 * and {@link Builder#maxCategories}), not by the number of reference rows.
 */
public final class FeatureDriftMonitor {
    private final List<String> names;
    private final boolean[] categorical;
    private final FeatureDriftTest[] tests;
    private final int referenceSize;
    private final double fdr;
    private final int bins;
    private final int referenceSample;
    private final int maxCategories;
    private final SplittableRandom seeds;
    private final double[][] window;

    private FeatureReference.Builder[] building;
    private FeatureReference[] references;
    private long referenceRows;
    private int filled;
    private long windowIndex;

    private FeatureDriftMonitor(Builder b, FeatureDriftTest[] tests) {
        this.names = b.names;
        this.categorical = b.categorical.clone();
        this.tests = tests;
        this.referenceSize = b.referenceSize;
        this.fdr = b.fdr;
        this.bins = b.bins;
        this.referenceSample = b.referenceSample;
        this.maxCategories = b.maxCategories;
        this.seeds = new SplittableRandom(b.seed);
        this.window = new double[names.size()][b.windowSize];
        rearm();
    }

    /** Starts a monitor of the features named, in the order rows will hold their values. */
    public static Builder builder(List<String> featureNames) {
        return new Builder(featureNames);
    }

    /**
     * Reads the next row, one value per feature in the builder's order. Returns the report when the row
     * completes a window, and null while the reference is being built or the window is not yet full.
     *
     * @throws DriftException when the row has the wrong length or a value that is not finite (or not a whole
     *                        number for a categorical feature), naming the feature; the row is not used then
     */
    public FeatureDriftReport add(double[] row) {
        check(row);
        if (building != null) {
            for (int f = 0; f < row.length; f++) {
                building[f].add(row[f]);
            }
            if (++referenceRows == referenceSize) {
                references = new FeatureReference[building.length];
                for (int f = 0; f < building.length; f++) {
                    references[f] = building[f].build();
                }
                building = null;
            }
            return null;
        }
        for (int f = 0; f < row.length; f++) {
            window[f][filled] = row[f];
        }
        if (++filled < window[0].length) {
            return null;
        }
        filled = 0;
        return WindowTests.run(windowIndex++, fdr, names, tests, references, window);
    }

    /**
     * Forgets the reference and the partial window: the next {@code referenceSize} rows build a new reference,
     * as after a new model version is promoted.
     */
    public void rearm() {
        building = new FeatureReference.Builder[names.size()];
        for (int f = 0; f < building.length; f++) {
            building[f] = categorical[f] ? FeatureReference.categorical(maxCategories)
                    : FeatureReference.numeric(bins, referenceSample, seeds.nextLong());
        }
        references = null;
        referenceRows = 0;
        filled = 0;
    }

    /** The features, in row order. */
    public List<String> featureNames() {
        return names;
    }

    private void check(double[] row) {
        if (row == null) {
            throw new DriftException("row must not be null");
        }
        if (row.length != names.size()) {
            throw new DriftException("row must hold " + names.size() + " values, one per feature, had " + row.length);
        }
        for (int f = 0; f < row.length; f++) {
            // the field's name is built only for a bad value: this runs for every value of every row
            if (categorical[f] ? !Values.isCategoryCode(row[f]) : !Double.isFinite(row[f])) {
                Values.check("feature " + names.get(f) + " (row[" + f + "])", row[f], categorical[f]);
            }
        }
    }

    /** Options of a {@link FeatureDriftMonitor}; each setter checks its value at once and names it when bad. */
    public static final class Builder {
        private final List<String> names;
        private final Map<String, Integer> index = new HashMap<>();
        private final boolean[] categorical;
        private final FeatureDriftTest[] own;
        private FeatureDriftTest defaultTest = FeatureDriftTest.kolmogorovSmirnov();
        private int referenceSize = 10_000;
        private int windowSize = 1_000;
        private double fdr = 1e-4;
        private int bins = 10;
        private int referenceSample = 10_000;
        private int maxCategories = 64;
        private long seed;

        private Builder(List<String> featureNames) {
            if (featureNames == null || featureNames.isEmpty()) {
                throw new DriftException("featureNames must name at least one feature, was " + featureNames);
            }
            this.names = List.copyOf(featureNames.stream().map(Builder::featureName).toList());
            for (int f = 0; f < names.size(); f++) {
                if (index.putIfAbsent(names.get(f), f) != null) {
                    throw new DriftException("featureNames must be distinct, \"" + names.get(f) + "\" is there twice");
                }
            }
            this.categorical = new boolean[names.size()];
            this.own = new FeatureDriftTest[names.size()];
        }

        /**
         * The test of every feature without a test of its own, where it can compare the feature's kind;
         * categorical features it cannot compare use chi-square. Default: Kolmogorov-Smirnov.
         */
        public Builder defaultTest(FeatureDriftTest test) {
            this.defaultTest = Objects.requireNonNull(test, "test");
            return this;
        }

        /** The test for {@code feature}; it must be able to compare the feature's kind. */
        public Builder test(String feature, FeatureDriftTest test) {
            own[feature(feature)] = Objects.requireNonNull(test, "test");
            return this;
        }

        /** Marks {@code feature} categorical: its values are whole-number category codes. */
        public Builder categorical(String feature) {
            categorical[feature(feature)] = true;
            return this;
        }

        /** Rows that build the reference, at least 2. Default 10,000. */
        public Builder referenceSize(int rows) {
            this.referenceSize = atLeast("referenceSize", rows, 2);
            return this;
        }

        /** Rows per tested window, at least 2. Default 1,000. */
        public Builder windowSize(int rows) {
            this.windowSize = atLeast("windowSize", rows, 2);
            return this;
        }

        /** The false discovery rate q across features, within (0, 1). Default 1e-4. */
        public Builder fdr(double q) {
            if (!(q > 0 && q < 1)) {
                throw new DriftException("fdr must be within (0, 1), was " + q);
            }
            this.fdr = q;
            return this;
        }

        /** Quantile bins of numeric features for the histogram tests, within [2, 1000]. Default 10. */
        public Builder bins(int bins) {
            FeatureReference.numeric(bins, 2, 0); // refuses what a reference would refuse, in the same words
            this.bins = bins;
            return this;
        }

        /**
         * Most reference values kept per numeric feature, a uniform sample of the reference rows, at least 2.
         * Default 10,000 (80 KB a feature).
         */
        public Builder referenceSample(int values) {
            this.referenceSample = atLeast("referenceSample", values, 2);
            return this;
        }

        /** Most categories counted one by one per categorical feature, within [1, 100000]; later ones share one count. Default 64. */
        public Builder maxCategories(int categories) {
            FeatureReference.categorical(categories); // refuses what a reference would refuse, in the same words
            this.maxCategories = categories;
            return this;
        }

        /** Seed of the reference sampling, so a run repeats exactly. Default 0. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * The monitor.
         *
         * @throws DriftException when a feature's own test cannot compare a categorical feature
         */
        public FeatureDriftMonitor build() {
            FeatureDriftTest[] tests = new FeatureDriftTest[names.size()];
            for (int f = 0; f < tests.length; f++) {
                FeatureDriftTest test = own[f] != null ? own[f] : defaultTest;
                if (categorical[f] && !test.supportsCategorical()) {
                    if (own[f] != null) {
                        throw new DriftException("test of feature " + names.get(f) + " must compare categorical"
                                + " features, was " + test.name());
                    }
                    test = FeatureDriftTest.chiSquare();
                }
                tests[f] = test;
            }
            return new FeatureDriftMonitor(this, tests);
        }

        private int feature(String name) {
            Integer at = name == null ? null : index.get(name);
            if (at == null) {
                throw new DriftException("feature must be one of " + names + ", was " + (name == null ? null : "\"" + name + "\""));
            }
            return at;
        }

        private static String featureName(String name) {
            if (name == null || name.isBlank() || name.length() > 128 || name.codePoints().anyMatch(Character::isISOControl)) {
                throw new DriftException("feature names must be 1 to 128 characters, not blank and without control"
                        + " characters, was " + (name == null ? null : "\"" + name + "\""));
            }
            return name;
        }

        private static int atLeast(String field, int value, int min) {
            if (value < min) {
                throw new DriftException(field + " must be >= " + min + ", was " + value);
            }
            return value;
        }
    }
}
