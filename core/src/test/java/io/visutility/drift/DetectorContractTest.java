package io.visutility.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.visutility.drift.stream.BernoulliStream;
import java.util.Arrays;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What every detector of this package promises: snapshots, refusals, reset, bad values and detection. */
class DetectorContractTest {

    enum Kind {
        ADWIN(Adwin::new, () -> new Adwin(0.01, 32, 5), 3_000, 10),
        HDDM_A(HddmA::new, () -> new HddmA(0.001, 0.005, false), 3_000, 10),
        // The weighted averages react to short runs of errors: MOA's HDDM_W alarms as often (see bench).
        HDDM_W(HddmW::new, () -> new HddmW(0.001, 0.005, 0.1, false), 3_000, 60),
        // Thirty Bernoulli values per sample carry little evidence, so KSWIN needs longer to see a 0.2 rise.
        KSWIN(Kswin::new, () -> new Kswin(0.005, 100, 30, 2L), 10_000, 10);

        final Supplier<DriftDetector> defaults;
        final Supplier<DriftDetector> other;
        final int horizon;
        final int falseAlarms;

        Kind(Supplier<DriftDetector> defaults, Supplier<DriftDetector> other, int horizon, int falseAlarms) {
            this.defaults = defaults;
            this.other = other;
            this.horizon = horizon;
            this.falseAlarms = falseAlarms;
        }
    }

    private static DriftState[] run(DriftDetector d, double[] values, int from) {
        DriftState[] states = new DriftState[values.length - from];
        for (int i = from; i < values.length; i++) {
            states[i - from] = d.update(values[i]);
        }
        return states;
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aRestoredSnapshotContinuesExactlyLikeTheOriginal(Kind kind) {
        double[] values = BernoulliStream.abrupt(0.2, 0.4, 6_000, 11L).take(12_000);
        DriftDetector original = kind.defaults.get();
        run(original, Arrays.copyOf(values, 7_001), 0);
        byte[] snapshot = original.snapshot();

        DriftDetector restored = kind.defaults.get();
        restored.restore(snapshot);
        assertThat(restored.snapshot()).isEqualTo(snapshot);

        DriftState[] a = run(original, values, 7_001);
        DriftState[] b = run(restored, values, 7_001);
        assertThat(b).isEqualTo(a);
        assertThat(restored.snapshot()).isEqualTo(original.snapshot());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void refusesSnapshotsItCannotRestoreAndStaysUnchanged(Kind kind) {
        double[] values = BernoulliStream.stationary(0.3, 5L).take(3_000);
        DriftDetector d = kind.defaults.get();
        run(d, values, 0);
        byte[] before = d.snapshot();

        DriftDetector otherParameters = kind.other.get();
        run(otherParameters, values, 0);
        assertThatThrownBy(() -> d.restore(otherParameters.snapshot()))
                .isInstanceOf(DriftException.class).hasMessageContaining("was taken with");

        Kind otherKind = Kind.values()[(kind.ordinal() + 1) % Kind.values().length];
        DriftDetector otherDetector = otherKind.defaults.get();
        assertThatThrownBy(() -> d.restore(otherDetector.snapshot()))
                .isInstanceOf(DriftException.class).hasMessageContaining("not of " + d.name());

        assertThatThrownBy(() -> d.restore(Arrays.copyOf(before, before.length - 3)))
                .isInstanceOf(DriftException.class).hasMessageContaining("truncated");
        byte[] longer = Arrays.copyOf(before, before.length + 2);
        assertThatThrownBy(() -> d.restore(longer))
                .isInstanceOf(DriftException.class).hasMessageContaining("trailing");
        assertThatThrownBy(() -> d.restore(new byte[] {1, 2, 3, 4, 5}))
                .isInstanceOf(DriftException.class);
        assertThatThrownBy(() -> d.restore(null)).isInstanceOf(DriftException.class);

        assertThat(d.snapshot()).isEqualTo(before);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void resetBehavesLikeANewDetector(Kind kind) {
        double[] values = BernoulliStream.abrupt(0.2, 0.4, 5_000, 3L).take(10_000);
        DriftDetector used = kind.defaults.get();
        run(used, values, 0);
        used.reset();
        DriftDetector fresh = kind.defaults.get();
        assertThat(used.snapshot()).isEqualTo(fresh.snapshot());
        assertThat(run(used, values, 0)).isEqualTo(run(fresh, values, 0));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void rejectsValuesThatAreNotFiniteAndKeepsItsState(Kind kind) {
        DriftDetector d = kind.defaults.get();
        run(d, new double[] {0, 1, 0, 0, 1}, 0);
        byte[] before = d.snapshot();
        for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            assertThatThrownBy(() -> d.update(bad)).isInstanceOf(DriftException.class)
                    .hasMessageContaining("value").hasMessageContaining(String.valueOf(bad));
        }
        assertThat(d.snapshot()).isEqualTo(before);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void findsTheAbruptRiseSoonAfterItHappens(Kind kind) {
        int found = 0;
        for (long seed = 1; seed <= 10; seed++) {
            double[] values = BernoulliStream.abrupt(0.2, 0.4, 10_000, seed).take(20_000);
            DriftDetector d = kind.defaults.get();
            DriftState[] states = run(d, values, 0);
            for (int i = 10_000; i < 10_000 + kind.horizon; i++) {
                if (states[i] == DriftState.DRIFT) {
                    found++;
                    break;
                }
            }
        }
        assertThat(found).as("streams whose drift was found within " + kind.horizon + " values").isGreaterThanOrEqualTo(9);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void raisesFewFalseAlarmsOnAStationaryStream(Kind kind) {
        int drifts = 0;
        for (long seed = 1; seed <= 5; seed++) {
            double[] values = BernoulliStream.stationary(0.2, 100 + seed).take(100_000);
            for (DriftState s : run(kind.defaults.get(), values, 0)) {
                if (s == DriftState.DRIFT) {
                    drifts++;
                }
            }
        }
        assertThat(drifts).as("false alarms in 500,000 stationary values").isLessThanOrEqualTo(kind.falseAlarms);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void hasItsName(Kind kind) {
        assertThat(kind.defaults.get().name()).isEqualTo(kind.name().toLowerCase().replace('_', '-'));
    }
}
