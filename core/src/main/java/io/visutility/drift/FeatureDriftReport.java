package io.visutility.drift;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of testing one window of every feature against the reference: each feature's statistic,
 * p-value and decision, and the names of the features that drifted. Features whose test gives a p-value
 * drifted when their Benjamini-Hochberg adjusted p-value is at most the false discovery rate {@code fdr};
 * the others when their statistic reaches their test's threshold.
 *
 * @param windowIndex which window this is, counted from 0 since the monitor was built (re-arming does not reset it)
 * @param fdr         the false discovery rate the p-values were adjusted for
 * @param features    one entry per feature, in the monitor's feature order
 * @param drifted     names of the features that drifted, in feature order
 */
public record FeatureDriftReport(long windowIndex, double fdr, List<Feature> features, List<String> drifted) {

    /** Copies the lists and checks that {@code drifted} names exactly the features marked drifted. */
    public FeatureDriftReport {
        if (windowIndex < 0) {
            throw new DriftException("windowIndex must be >= 0, was " + windowIndex);
        }
        if (!(fdr > 0 && fdr < 1)) {
            throw new DriftException("fdr must be within (0, 1), was " + fdr);
        }
        features = List.copyOf(Objects.requireNonNull(features, "features"));
        drifted = List.copyOf(Objects.requireNonNull(drifted, "drifted"));
        List<String> marked = features.stream().filter(Feature::drifted).map(Feature::name).toList();
        if (!marked.equals(drifted)) {
            throw new DriftException("drifted must list the features marked drifted " + marked + ", was " + drifted);
        }
    }

    /** Whether any feature drifted in this window. */
    public boolean anyDrift() {
        return !drifted.isEmpty();
    }

    /** The entry of the feature called {@code name}. */
    public Feature feature(String name) {
        return features.stream().filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> new DriftException("feature must be one of the report's, was \"" + name + "\""));
    }

    /**
     * One feature's result in one window.
     *
     * @param name           the feature
     * @param test           the {@link FeatureDriftTest#name()} that compared it
     * @param statistic      the test's statistic
     * @param pValue         the test's p-value, NaN for tests without one
     * @param adjustedPValue the Benjamini-Hochberg adjusted p-value across the features that have one, else NaN
     * @param threshold      the test's threshold for tests without a p-value, else NaN
     * @param drifted        whether the feature is found to have drifted
     */
    public record Feature(String name, String test, double statistic, double pValue, double adjustedPValue,
                          double threshold, boolean drifted) {

        /** Requires a name and a test. */
        public Feature {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(test, "test");
        }
    }
}
