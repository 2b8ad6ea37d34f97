package io.visutility.drift;

import io.visutility.drift.internal.ChiSquareDrift;
import io.visutility.drift.internal.JensenShannonDrift;
import io.visutility.drift.internal.KolmogorovSmirnovDrift;
import io.visutility.drift.internal.PsiDrift;
import io.visutility.drift.internal.WassersteinDrift;
import java.util.OptionalDouble;

/**
 * Compares one feature's current window with its {@link FeatureReference}. Kolmogorov-Smirnov and
 * chi-square give a p-value, so a {@link FeatureDriftMonitor} can control the false discovery rate across
 * features; PSI, Jensen-Shannon and Wasserstein give a distance with no exact null distribution, and are
 * decided by a fixed {@link #threshold()}. Implementations are immutable and safe to share.
 *
 * <p>Under no drift the distances are not zero but shrink with the sample sizes; with {@code B} bins, a
 * window of {@code n} rows and a reference sample of {@code m}, PSI is about {@code (B - 1)(1/n + 1/m)}
 * and the Jensen-Shannon distance about {@code sqrt((B - 1)(1/n + 1/m) / (8 ln 2))}, so windows should be
 * large enough (a thousand rows for ten bins) that this is well below the threshold.
 */
public interface FeatureDriftTest {

    /** A short stable name: {@code ks}, {@code chi2}, {@code psi}, {@code js} or {@code wasserstein}. */
    String name();

    /** Whether the test can compare categorical features (histogram tests can, KS and Wasserstein cannot). */
    boolean supportsCategorical();

    /** The statistic at or above which the feature drifted, for tests without a p-value; empty otherwise. */
    OptionalDouble threshold();

    /**
     * Compares {@code window}, the feature's current values (not modified), with {@code reference}.
     *
     * @throws DriftException when the window has fewer than 2 values, a value is not finite (or not a whole
     *                        number for a categorical reference), or the test cannot compare this kind of
     *                        feature
     */
    FeatureDriftResult compare(FeatureReference reference, double[] window);

    /**
     * Two-sample Kolmogorov-Smirnov between the reference sample and the window, with Hipparchus' p-value:
     * the exact P(D >= d) when the product of the sizes is below 10,000, the asymptotic one otherwise.
     */
    static FeatureDriftTest kolmogorovSmirnov() {
        return KolmogorovSmirnovDrift.INSTANCE;
    }

    /** Chi-square test of homogeneity (Hipparchus) of the reference's and the window's bin counts; bins empty in both are left out. */
    static FeatureDriftTest chiSquare() {
        return ChiSquareDrift.INSTANCE;
    }

    /** Population stability index at the customary significant-shift threshold 0.25 (0.1 to 0.25 is usually read as moderate). */
    static FeatureDriftTest psi() {
        return psi(0.25);
    }

    /**
     * Population stability index over the reference's bins, proportions floored at 1e-4 so an empty bin
     * counts as a large but finite change; drift at or above {@code threshold}.
     *
     * @throws DriftException when threshold is not a finite number above 0
     */
    static FeatureDriftTest psi(double threshold) {
        return new PsiDrift(threshold);
    }

    /** Jensen-Shannon distance with drift at or above 0.1. */
    static FeatureDriftTest jensenShannon() {
        return jensenShannon(0.1);
    }

    /**
     * Jensen-Shannon distance (square root of the divergence in bits, so within [0, 1]) between the
     * reference's and the window's bin proportions; drift at or above {@code threshold}.
     *
     * @throws DriftException when threshold is outside (0, 1]
     */
    static FeatureDriftTest jensenShannon(double threshold) {
        return new JensenShannonDrift(threshold);
    }

    /** Wasserstein-1 distance in reference standard deviations, with drift at or above 0.1 of them. */
    static FeatureDriftTest wasserstein() {
        return wasserstein(0.1);
    }

    /**
     * Wasserstein-1 (earth mover's) distance between the reference sample and the window, divided by the
     * reference's standard deviation so one threshold fits every feature (infinite when a constant reference
     * meets a window that differs); drift at or above {@code threshold}.
     *
     * @throws DriftException when threshold is not a finite number above 0
     */
    static FeatureDriftTest wasserstein(double threshold) {
        return new WassersteinDrift(threshold);
    }
}
