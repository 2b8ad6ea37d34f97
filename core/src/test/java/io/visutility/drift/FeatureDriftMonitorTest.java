package io.visutility.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FeatureDriftMonitorTest {
    private static final List<String> NAMES = List.of("age", "income", "colour");

    private final SplittableRandom random = new SplittableRandom(5);

    private FeatureDriftMonitor.Builder builder() {
        return FeatureDriftMonitor.builder(NAMES).categorical("colour").referenceSize(400).windowSize(200);
    }

    private double[] row(double ageShift) {
        return new double[] {40 + ageShift + 10 * random.nextGaussian(), 1000 * Math.exp(random.nextGaussian()),
                             random.nextInt(4)};
    }

    @Test
    void theReferenceComesFirstThenEveryFullWindowIsReported() {
        FeatureDriftMonitor monitor = builder().build();

        for (int i = 0; i < 400 + 199; i++) {
            assertThat(monitor.add(row(0))).as("row %d", i).isNull();
        }
        FeatureDriftReport first = monitor.add(row(0));
        for (int i = 0; i < 199; i++) {
            assertThat(monitor.add(row(0))).isNull();
        }
        FeatureDriftReport second = monitor.add(row(0));

        assertThat(first.windowIndex()).isZero();
        assertThat(second.windowIndex()).isEqualTo(1);
        assertThat(first.features()).extracting(FeatureDriftReport.Feature::name).containsExactlyElementsOf(NAMES);
        assertThat(first.features()).extracting(FeatureDriftReport.Feature::test).containsExactly("ks", "ks", "chi2");
        assertThat(first.fdr()).isEqualTo(1e-4);
        assertThat(first.anyDrift()).isFalse();
        for (FeatureDriftReport.Feature f : first.features()) {
            assertThat(f.pValue()).isBetween(0.0, 1.0);
            assertThat(f.adjustedPValue()).isBetween(f.pValue(), 1.0);
            assertThat(f.threshold()).isNaN();
        }
    }

    @Test
    void aShiftedFeatureIsNamedAndTheOthersAreNot() {
        FeatureDriftMonitor monitor = builder().build();
        feed(monitor, 400, 0);

        FeatureDriftReport report = feed(monitor, 200, 15).get(0);

        assertThat(report.drifted()).containsExactly("age");
        assertThat(report.anyDrift()).isTrue();
        assertThat(report.feature("age").adjustedPValue()).isLessThanOrEqualTo(1e-4);
        assertThat(report.feature("income").drifted()).isFalse();
    }

    @Test
    void thresholdTestsDecideAloneAndTheRestShareTheFalseDiscoveryRate() {
        FeatureDriftMonitor monitor = builder().test("income", FeatureDriftTest.psi())
                .defaultTest(FeatureDriftTest.wasserstein()).fdr(0.01).build();
        feed(monitor, 400, 0);

        FeatureDriftReport report = feed(monitor, 200, 15).get(0);

        FeatureDriftReport.Feature age = report.feature("age");
        assertThat(age.test()).isEqualTo("wasserstein");
        assertThat(age.pValue()).isNaN();
        assertThat(age.adjustedPValue()).isNaN();
        assertThat(age.threshold()).isEqualTo(0.1);
        assertThat(age.statistic()).isGreaterThan(1.0); // a 15-year shift on a 10-year spread
        assertThat(age.drifted()).isTrue();
        assertThat(report.feature("income").test()).isEqualTo("psi");
        assertThat(report.feature("income").drifted()).isFalse();
        // wasserstein cannot compare categories, so the categorical feature keeps chi-square and is alone in BH
        FeatureDriftReport.Feature colour = report.feature("colour");
        assertThat(colour.test()).isEqualTo("chi2");
        assertThat(colour.adjustedPValue()).isEqualTo(colour.pValue());
        assertThat(report.drifted()).containsExactly("age");
    }

    @Test
    void rearmingBuildsANewReferenceFromTheNextRows() {
        FeatureDriftMonitor monitor = builder().build();
        feed(monitor, 400 + 150, 0);

        monitor.rearm();

        // the partial window is gone and the shifted rows are the new normal
        assertThat(feed(monitor, 400, 15)).isEmpty();
        List<FeatureDriftReport> reports = feed(monitor, 400, 15);
        assertThat(reports).hasSize(2);
        assertThat(reports).noneMatch(FeatureDriftReport::anyDrift);
        assertThat(reports.get(0).windowIndex()).isZero();
    }

    @Test
    void aBadRowIsRefusedByFeatureAndLeavesNoTrace() {
        FeatureDriftMonitor monitor = builder().build();
        feed(monitor, 399, 0);

        assertThatThrownBy(() -> monitor.add(new double[] {1, 2})).isInstanceOf(DriftException.class)
                .hasMessage("row must hold 3 values, one per feature, had 2");
        assertThatThrownBy(() -> monitor.add(null)).isInstanceOf(DriftException.class)
                .hasMessage("row must not be null");
        assertThatThrownBy(() -> monitor.add(new double[] {30, Double.NaN, 1})).isInstanceOf(DriftException.class)
                .hasMessage("feature income (row[1]) must be finite, was NaN");
        assertThatThrownBy(() -> monitor.add(new double[] {30, 900, 2.5})).isInstanceOf(DriftException.class)
                .hasMessage("feature colour (row[2]) is categorical and must be a whole number within +-2^53, was 2.5");

        // the refused rows did not count: the reference still needs one row, then a whole window
        assertThat(feed(monitor, 1 + 199, 0)).isEmpty();
        assertThat(feed(monitor, 1, 0)).hasSize(1);
    }

    @Test
    void theBuilderRefusesBadOptionsByName() {
        assertThatThrownBy(() -> FeatureDriftMonitor.builder(List.of())).isInstanceOf(DriftException.class)
                .hasMessage("featureNames must name at least one feature, was []");
        assertThatThrownBy(() -> FeatureDriftMonitor.builder(List.of("a", "b", "a"))).isInstanceOf(DriftException.class)
                .hasMessage("featureNames must be distinct, \"a\" is there twice");
        assertThatThrownBy(() -> FeatureDriftMonitor.builder(Arrays.asList("a", " "))).isInstanceOf(DriftException.class)
                .hasMessageContaining("was \" \"");
        FeatureDriftMonitor.Builder b = FeatureDriftMonitor.builder(NAMES);
        assertThatThrownBy(() -> b.test("height", FeatureDriftTest.psi())).isInstanceOf(DriftException.class)
                .hasMessage("feature must be one of [age, income, colour], was \"height\"");
        assertThatThrownBy(() -> b.categorical(null)).isInstanceOf(DriftException.class)
                .hasMessage("feature must be one of [age, income, colour], was null");
        assertThatThrownBy(() -> b.windowSize(1)).isInstanceOf(DriftException.class)
                .hasMessage("windowSize must be >= 2, was 1");
        assertThatThrownBy(() -> b.referenceSize(0)).isInstanceOf(DriftException.class)
                .hasMessage("referenceSize must be >= 2, was 0");
        assertThatThrownBy(() -> b.fdr(1)).isInstanceOf(DriftException.class).hasMessage("fdr must be within (0, 1), was 1.0");
        assertThatThrownBy(() -> b.bins(1001)).isInstanceOf(DriftException.class)
                .hasMessage("bins must be within [2, 1000], was 1001");
        assertThatThrownBy(() -> b.referenceSample(1)).isInstanceOf(DriftException.class)
                .hasMessage("referenceSample must be >= 2, was 1");
        assertThatThrownBy(() -> b.maxCategories(0)).isInstanceOf(DriftException.class)
                .hasMessage("maxCategories must be within [1, 100000], was 0");
        b.categorical("colour").test("colour", FeatureDriftTest.kolmogorovSmirnov());
        assertThatThrownBy(b::build).isInstanceOf(DriftException.class)
                .hasMessage("test of feature colour must compare categorical features, was ks");
    }

    @Test
    void theSameSeedAndRowsGiveTheSameReports() {
        FeatureDriftReport a = firstReport(9);
        FeatureDriftReport b = firstReport(9);
        assertThat(a).isEqualTo(b);
        assertThat(firstReport(10).features().get(0).statistic()).isNotEqualTo(a.features().get(0).statistic());
    }

    private static FeatureDriftReport firstReport(long seed) {
        // a sample smaller than the reference, so the reservoir's draws matter
        FeatureDriftMonitor monitor = FeatureDriftMonitor.builder(List.of("x")).referenceSize(1_000)
                .referenceSample(100).windowSize(100).seed(seed).build();
        SplittableRandom data = new SplittableRandom(1);
        FeatureDriftReport report = null;
        while (report == null) {
            report = monitor.add(new double[] {data.nextGaussian()});
        }
        return report;
    }

    private List<FeatureDriftReport> feed(FeatureDriftMonitor monitor, int rows, double ageShift) {
        List<FeatureDriftReport> reports = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            FeatureDriftReport r = monitor.add(row(ageShift));
            if (r != null) {
                reports.add(r);
            }
        }
        return reports;
    }
}
