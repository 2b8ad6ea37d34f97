package io.visutility.drift;

import io.visutility.drift.internal.CategoricalReferenceBuilder;
import io.visutility.drift.internal.NumericReferenceBuilder;

/**
 * A compact summary of one feature in the reference data that {@link FeatureDriftTest}s compare windows
 * against. Its size is bounded whatever the number of reference rows: a numeric feature keeps a uniform
 * random sample of at most {@code maxSample} values (all of them when there are fewer), the bin edges at
 * that sample's quantiles with the sample's count per bin, and the mean and standard deviation of every
 * row; a categorical feature keeps a count for each of at most {@code maxCategories} categories and one
 * for all others. Immutable once built.
 */
public interface FeatureReference {

    /** Rows the summary was built from. */
    long rows();

    /** Whether the feature is categorical: its values are category codes, whole numbers. */
    boolean categorical();

    /**
     * Number of histogram bins: quantile bins of a numeric feature, or the kept categories plus one bin for
     * every other category.
     */
    int bins();

    /** The reference's count in {@code bin}; for a numeric feature the counts are those of the sample. */
    long binCount(int bin);

    /** The bin {@code value} falls in; a category the reference did not keep falls in the last bin. */
    int binOf(double value);

    /** A sorted copy of the retained sample of a numeric feature; empty for a categorical one. */
    double[] sortedSample();

    /** Standard deviation (n - 1 denominator) of all reference rows of a numeric feature; NaN if categorical. */
    double standardDeviation();

    /**
     * Starts a numeric summary with {@code bins} quantile bins and a sample of at most {@code maxSample}
     * values, drawn with a generator seeded by {@code seed}.
     *
     * @throws DriftException when bins is outside [2, 1000] or maxSample is below 2
     */
    static Builder numeric(int bins, int maxSample, long seed) {
        return new NumericReferenceBuilder(bins, maxSample, seed);
    }

    /**
     * Starts a categorical summary keeping the first {@code maxCategories} distinct categories it sees.
     *
     * @throws DriftException when maxCategories is outside [1, 100000]
     */
    static Builder categorical(int maxCategories) {
        return new CategoricalReferenceBuilder(maxCategories);
    }

    /** Collects reference values of one feature; not thread-safe. */
    interface Builder {

        /**
         * Adds the next reference value.
         *
         * @throws DriftException when the value is not finite, or not a whole number for a categorical feature
         */
        void add(double value);

        /**
         * The summary of the values added so far.
         *
         * @throws DriftException when fewer than two values were added
         */
        FeatureReference build();
    }
}
