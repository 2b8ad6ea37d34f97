package io.visutility.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.visutility.drift.FeatureDriftReport;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The feature drift benchmark is listed, and its state tests every feature once per window. */
class FeatureDriftBenchmarkTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ks", "psi", "wasserstein"})
    void everyWindowSizeCallsGiveOneReportOfFiftyFeatures(String test) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/META-INF/BenchmarkList")) {
            assertThat(in).isNotNull();
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).contains("FeatureDriftBenchmark");
        }
        FeatureDriftBenchmark bench = new FeatureDriftBenchmark();
        bench.test = test;
        bench.windowSize = 100;
        bench.start();

        int reports = 0;
        for (int i = 1; i <= 300; i++) {
            FeatureDriftReport report = bench.add();
            if (report != null) {
                reports++;
                assertThat(i % 100).isZero();
                assertThat(report.features()).hasSize(FeatureDriftBenchmark.FEATURES)
                        .allMatch(f -> f.test().equals(test));
            }
        }
        assertThat(reports).isEqualTo(3);
    }
}
