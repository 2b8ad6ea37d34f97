package io.visutility.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Both sides of the detector benchmark do the same work: the same stream, the same drifts found. */
class DetectorThroughputStatesTest {

    @ParameterizedTest
    @ValueSource(strings = {"adwin", "hddm-a", "hddm-w"})
    void oursAndMoaFindTheSameDriftsOnEachPass(String detector) {
        var state = new DetectorThroughputAdwinHddmBenchmark.Detectors();
        state.detector = detector;
        state.build();
        var bench = new DetectorThroughputAdwinHddmBenchmark();
        for (int pass = 0; pass < 3; pass++) {
            int ours = bench.ours(state);
            int moa = bench.moa(state);
            assertThat(ours).as("pass " + pass).isEqualTo(moa);
            if (pass == 0) {
                assertThat(ours).as("the stream's rise is found on the first pass").isPositive();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"adwin", "hddm-a", "hddm-w"})
    void indicesOfOnePassAreEqual(String detector) {
        double[] values = DetectorThroughputAdwinHddmBenchmark.stream();
        var ours = DetectorThroughputAdwinHddmBenchmark.driftIndices(
                DetectorThroughputAdwinHddmBenchmark.ours(detector).get(), values);
        var moa = DetectorThroughputAdwinHddmBenchmark.driftIndices(
                DetectorThroughputAdwinHddmBenchmark.moa(detector).get(), values);
        assertThat(ours).isEqualTo(moa).isNotEmpty();
    }
}
