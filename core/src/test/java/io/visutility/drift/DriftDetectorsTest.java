package io.visutility.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.visutility.drift.stream.BernoulliStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Detectors by name, and the recommended policy's combination, hold-off and snapshots. */
class DriftDetectorsTest {

    static List<String> names() {
        return DriftDetectors.names();
    }

    @Test
    void everyMethodHasAName() {
        assertThat(DriftDetectors.names()).containsExactly(
                "adwin", "ddm", "eddm", "hddm-a", "hddm-w", "page-hinkley", "cusum", "kswin", "recommended");
    }

    @ParameterizedTest
    @MethodSource("names")
    void createGivesAFreshDetectorOfThatName(String name) {
        DriftDetector a = DriftDetectors.create(name);
        DriftDetector b = DriftDetectors.create(name);
        assertThat(a.name()).isEqualTo(name);
        assertThat(a).isNotSameAs(b);
        // both read the same abrupt change and agree on every value: no state is shared
        double[] values = BernoulliStream.abrupt(0.1, 0.6, 2_000, 3).take(4_000);
        List<DriftState> first = new ArrayList<>();
        for (double v : values) {
            first.add(a.update(v));
        }
        for (int i = 0; i < values.length; i++) {
            assertThat(b.update(values[i])).as("value %d", i).isEqualTo(first.get(i));
        }
        assertThat(first).contains(DriftState.DRIFT);
    }

    @Test
    void anUnknownNameIsRefusedWithTheNamesThereAre() {
        assertThatThrownBy(() -> DriftDetectors.create("adwn")).isInstanceOf(DriftException.class)
                .hasMessageContaining("'adwn'").hasMessageContaining("page-hinkley");
    }

    @Test
    void recommendedReportsOneDriftForAChangeWhereAdwinReportsSeveral() {
        double[] values = BernoulliStream.abrupt(0.2, 0.4, 10_000, 11).take(20_000);
        List<Integer> adwinAlarms = alarms(new Adwin(), values);
        List<Integer> recommended = alarms(DriftDetectors.recommended(), values);

        assertThat(adwinAlarms.size()).isGreaterThan(1);
        assertThat(recommended).hasSize(1);
        assertThat(recommended.get(0)).isBetween(10_000, 10_400).isLessThanOrEqualTo(adwinAlarms.get(0));
    }

    @Test
    void aSecondChangeAfterTheHoldOffIsASecondDrift() {
        BernoulliStream first = BernoulliStream.abrupt(0.1, 0.4, 5_000, 5);
        double[] values = new double[20_000];
        for (int i = 0; i < 10_000; i++) {
            values[i] = first.next();
        }
        BernoulliStream second = BernoulliStream.abrupt(0.4, 0.8, 0, 6);
        for (int i = 10_000; i < 20_000; i++) {
            values[i] = second.next();
        }
        List<Integer> alarms = alarms(DriftDetectors.recommended(), values);
        assertThat(alarms).hasSize(2);
        assertThat(alarms.get(0)).isBetween(5_000, 5_400);
        assertThat(alarms.get(1)).isBetween(10_000, 10_400);
    }

    @Test
    void recommendedResumesFromItsSnapshotExactly() {
        double[] values = BernoulliStream.gradual(0.2, 0.45, 6_000, 1_000, 8).take(12_000);
        DriftDetector original = DriftDetectors.recommended();
        for (int i = 0; i < 6_100; i++) {
            original.update(values[i]);
        }
        DriftDetector copy = DriftDetectors.recommended();
        copy.restore(original.snapshot());
        assertThat(copy.snapshot()).isEqualTo(original.snapshot());
        for (int i = 6_100; i < values.length; i++) {
            assertThat(copy.update(values[i])).as("value %d", i).isEqualTo(original.update(values[i]));
        }
    }

    @Test
    void recommendedRefusesAnotherDetectorsSnapshotAndStaysAsItWas() {
        DriftDetector detector = DriftDetectors.recommended();
        for (double v : BernoulliStream.stationary(0.2, 1).take(500)) {
            detector.update(v);
        }
        byte[] before = detector.snapshot();
        assertThatThrownBy(() -> detector.restore(new Adwin().snapshot())).isInstanceOf(DriftException.class)
                .hasMessageContaining("adwin");
        byte[] truncated = java.util.Arrays.copyOf(before, before.length - 9);
        assertThatThrownBy(() -> detector.restore(truncated)).isInstanceOf(DriftException.class);
        assertThat(detector.snapshot()).isEqualTo(before);
    }

    private static List<Integer> alarms(DriftDetector detector, double[] values) {
        List<Integer> at = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            if (detector.update(values[i]) == DriftState.DRIFT) {
                at.add(i);
            }
        }
        return at;
    }
}
