package io.visutility.drift;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Done-when of feature drift: 50 stationary features raise no drift report over 1,000 windows at the default
 * false discovery rate, and the rate of false reports does follow q, so the quiet is not deafness.
 */
class FeatureDriftStationaryFiftyTest {
    private static final int FEATURES = 50;

    /**
     * Reference 20,000 rows, windows of 500 (smaller than in the power test only to keep the 25 million values
     * quick), Kolmogorov-Smirnov and q = 1e-4: a window of stationary features reports drift with
     * probability about 1e-4, so 1,000 windows stay quiet about nine times in ten; this seed is one of them.
     */
    @Test
    void fiftyStationaryFeaturesRaiseNoReportInAThousandWindows() {
        FeatureDriftMonitor monitor = FeatureDriftMonitor.builder(GaussianRows.names(FEATURES))
                .referenceSize(20_000).windowSize(500).seed(1).build();
        GaussianRows rows = new GaussianRows(FEATURES, 1);

        int windows = 0;
        int alarms = 0;
        double smallestAdjusted = 1;
        for (int i = 0; i < 20_000 + 1_000 * 500; i++) {
            FeatureDriftReport report = monitor.add(rows.next());
            if (report != null) {
                windows++;
                alarms += report.anyDrift() ? 1 : 0;
                for (FeatureDriftReport.Feature f : report.features()) {
                    smallestAdjusted = Math.min(smallestAdjusted, f.adjustedPValue());
                }
            }
        }

        assertThat(windows).isEqualTo(1_000);
        assertThat(alarms).isZero();
        assertThat(smallestAdjusted).as("the closest call").isGreaterThan(1e-4);
    }

    /**
     * With q = 0.05 about 5% of windows must report a (false) drift: far fewer would mean p-values that are
     * too large, far more that they are too small. 10 features, reference 2,000 rows, 600 windows of 200: the
     * count is about binomial(600, 0.05), mean 30, and the bounds are more than 3.5 standard deviations out.
     */
    @Test
    void falseReportsComeAtAboutTheConfiguredRate() {
        FeatureDriftMonitor monitor = FeatureDriftMonitor.builder(GaussianRows.names(10))
                .referenceSize(2_000).windowSize(200).fdr(0.05).seed(3).build();
        GaussianRows rows = new GaussianRows(10, 3);

        int alarms = 0;
        for (int i = 0; i < 2_000 + 600 * 200; i++) {
            FeatureDriftReport report = monitor.add(rows.next());
            alarms += report != null && report.anyDrift() ? 1 : 0;
        }

        assertThat(alarms).isBetween(12, 50);
    }
}
