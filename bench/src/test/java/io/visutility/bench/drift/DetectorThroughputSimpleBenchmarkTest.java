package io.visutility.bench.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.visutility.bench.DetectorThroughputSimpleBenchmark;
import io.visutility.drift.Ddm;
import io.visutility.drift.PageHinkley;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The simple detectors' benchmark runs both sides over the same stream, and its size estimate adds up. */
class DetectorThroughputSimpleBenchmarkTest {

    @ParameterizedTest
    @ValueSource(strings = {"ddm", "eddm", "page-hinkley", "cusum"})
    void bothSidesCountTheSameDriftsOnEachPass(String detector) {
        var pair = new DetectorThroughputSimpleBenchmark.Pair();
        pair.detector = detector;
        pair.start();
        var bench = new DetectorThroughputSimpleBenchmark();
        for (int pass = 0; pass < 3; pass++) {
            int ours = bench.ours(pair);
            assertThat(ours).as("%s pass %d", detector, pass).isEqualTo(bench.moa(pair));
            if (pass == 0) {
                assertThat(ours).as("the change at 10,000 is found").isPositive();
            }
        }
    }

    @Test
    void refusesAnUnknownDetector() {
        var pair = new DetectorThroughputSimpleBenchmark.Pair();
        pair.detector = "adwin";
        assertThatThrownBy(pair::start).hasMessage("detector must be one of ddm, eddm, page-hinkley, cusum, was adwin");
    }

    @Test
    void roughSizeCountsFieldsHeadersAndReferents() {
        // header 12 + int 4 + 2 doubles + long + 5 doubles = 80, already a multiple of 8
        assertThat(RoughSize.shallow(Ddm.class)).isEqualTo(80);
        assertThat(RoughSize.retained(new Ddm())).isEqualTo(80);
        // header 12 + int 4 + 3 doubles + long + 2 doubles = 64
        assertThat(RoughSize.retained(new PageHinkley())).isEqualTo(64);
        // a holder of two references to one 10-long array: 12 + 4 + 4 -> 24, array 16 + 80 = 96, once
        long[] shared = new long[10];
        assertThat(RoughSize.retained(new Object[] {shared, shared})).isEqualTo(24 + 96);
        assertThat(RoughSize.retained(SimpleDetectorPeers.DDM_PAIR.moa())).isGreaterThan(80);
    }

    @Test
    void generatorListsTheBenchmark() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/META-INF/BenchmarkList")) {
            assertThat(in).isNotNull();
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                    .contains("DetectorThroughputSimpleBenchmark");
        }
    }
}
