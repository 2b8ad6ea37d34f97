package io.visutility.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.visutility.drift.stream.BernoulliStream;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** ADWIN's window statistics and the bound on its buckets. */
class AdwinTest {

    @Test
    void bucketsStayLogarithmicAfterAMillionValues() {
        Adwin adwin = new Adwin();
        BernoulliStream stream = BernoulliStream.stationary(0.2, 42L);
        for (int i = 0; i < 1_000_000; i++) {
            adwin.update(stream.next());
            // At most maxBuckets + 1 per size before the merge, over log2(width) + 1 sizes.
            if ((i & 0xFFF) == 0) {
                assertThat(adwin.buckets()).isLessThanOrEqualTo(bucketBound(adwin.width()));
            }
        }
        assertThat(adwin.width()).isGreaterThan(100_000);
        assertThat(adwin.buckets()).isLessThanOrEqualTo(bucketBound(adwin.width()));
        assertThat(adwin.snapshot().length).isLessThan(2_000);
    }

    private static int bucketBound(long width) {
        int sizes = 64 - Long.numberOfLeadingZeros(Math.max(1, width));
        return 5 * sizes + 1;
    }

    @Test
    void meanAndVarianceAreThoseOfTheValuesInTheWindow() {
        Adwin adwin = new Adwin();
        SplittableRandom random = new SplittableRandom(9L);
        double[] values = new double[5_000];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextDouble();
            adwin.update(values[i]);
        }
        // Uniform values without change: nothing is dropped, so the window is everything.
        assertThat(adwin.width()).isEqualTo(values.length);
        double mean = 0;
        for (double v : values) {
            mean += v;
        }
        mean /= values.length;
        double variance = 0;
        for (double v : values) {
            variance += (v - mean) * (v - mean);
        }
        variance /= values.length;
        assertThat(adwin.mean()).isCloseTo(mean, within(1e-9));
        assertThat(adwin.variance()).isCloseTo(variance, within(1e-9));
    }

    @Test
    void shrinksToTheNewPartAfterARise() {
        Adwin adwin = new Adwin();
        double[] values = BernoulliStream.abrupt(0.1, 0.7, 10_000, 4L).take(12_000);
        for (double v : values) {
            adwin.update(v);
        }
        assertThat(adwin.width()).isLessThan(4_000);
        assertThat(adwin.mean()).isCloseTo(0.7, within(0.05));
    }

    @Test
    void anEmptyWindowHasMeanAndVarianceZero() {
        Adwin adwin = new Adwin();
        assertThat(adwin.width()).isZero();
        assertThat(adwin.mean()).isZero();
        assertThat(adwin.variance()).isZero();
        assertThat(adwin.buckets()).isZero();
    }
}
