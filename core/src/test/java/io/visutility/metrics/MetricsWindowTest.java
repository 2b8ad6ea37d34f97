package io.visutility.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Checks the sliding window's eviction and running means against a naive recomputation. */
class MetricsWindowTest {

    @Test
    void anEmptyWindowSummarisesAsEmpty() {
        MetricsWindow window = new MetricsWindow(5);
        assertThat(window.size()).isZero();
        assertThat(window.summary()).isEqualTo(WindowSummary.EMPTY);
    }

    @Test
    void theOldestSampleIsEvictedWhenFull() {
        MetricsWindow window = new MetricsWindow(3);
        window.add(new PerformanceMetrics(0.1, 0.2, 0.3));
        window.add(new PerformanceMetrics(0.4, 0.5, 0.6));
        assertSummary(window.summary(), 2, 0.25, 0.35, 0.45);

        window.add(new PerformanceMetrics(0.7, 0.8, 0.9));
        window.add(new PerformanceMetrics(1.0, 1.0, 1.0));

        WindowSummary s = window.summary();
        assertThat(window.size()).isEqualTo(3);
        assertSummary(s, 3, 0.7, 2.3 / 3, 2.5 / 3);
        assertThat(s.average()).isCloseTo((s.precision() + s.recall()) / 2, within(1e-15));
    }

    private static void assertSummary(WindowSummary s, int samples, double precision, double recall, double f1) {
        assertThat(s.samples()).isEqualTo(samples);
        assertThat(s.precision()).isCloseTo(precision, within(1e-12));
        assertThat(s.recall()).isCloseTo(recall, within(1e-12));
        assertThat(s.f1()).isCloseTo(f1, within(1e-12));
    }

    @Test
    void clearForgetsEverySample() {
        MetricsWindow window = new MetricsWindow(4);
        for (int i = 0; i < 6; i++) {
            window.add(new PerformanceMetrics(0.9, 0.9, 0.9));
        }
        window.clear();
        assertThat(window.summary()).isEqualTo(WindowSummary.EMPTY);

        window.add(new PerformanceMetrics(0.2, 0.4, 0.6));
        assertSummary(window.summary(), 1, 0.2, 0.4, 0.6);
    }

    @ParameterizedTest(name = "capacity {0}, seed {1}")
    @CsvSource({"1, 1", "2, 2", "7, 3", "20, 4", "64, 5", "333, 6"})
    void meansMatchANaiveRecomputationOverManyMoreSamplesThanCapacity(int capacity, long seed) {
        Random random = new Random(seed);
        MetricsWindow window = new MetricsWindow(capacity);
        Deque<PerformanceMetrics> naive = new ArrayDeque<>();

        for (int i = 0; i < 20_000; i++) {
            if (random.nextInt(2_000) == 0) {
                window.clear();
                naive.clear();
            }
            // Mostly tiny or huge values, to make rounding drift in running sums show if it builds up.
            double p = random.nextBoolean() ? random.nextDouble() * 1e-9 : 1 - random.nextDouble() * 1e-9;
            PerformanceMetrics m = new PerformanceMetrics(p, random.nextDouble(), random.nextDouble());
            window.add(m);
            naive.addLast(m);
            if (naive.size() > capacity) {
                naive.removeFirst();
            }
            if (i % 97 == 0 || i == 19_999) {
                assertMatches(window, naive);
            }
        }
    }

    private static void assertMatches(MetricsWindow window, Deque<PerformanceMetrics> naive) {
        WindowSummary s = window.summary();
        assertThat(s.samples()).isEqualTo(naive.size());
        assertThat(window.size()).isEqualTo(naive.size());
        if (naive.isEmpty()) {
            assertThat(s).isEqualTo(WindowSummary.EMPTY);
            return;
        }
        assertThat(s.precision()).isCloseTo(mean(naive, 0), within(1e-9));
        assertThat(s.recall()).isCloseTo(mean(naive, 1), within(1e-9));
        assertThat(s.f1()).isCloseTo(mean(naive, 2), within(1e-9));
    }

    private static double mean(Deque<PerformanceMetrics> samples, int field) {
        return samples.stream().mapToDouble(m -> switch (field) {
            case 0 -> m.precision();
            case 1 -> m.recall();
            default -> m.f1Score();
        }).average().orElseThrow();
    }

    @Test
    void capacityMustBePositive() {
        assertThatIllegalArgumentException().isThrownBy(() -> new MetricsWindow(0))
                .withMessage("capacity must be >= 1, was 0");
    }
}
