package io.visutility.tuning.internal;

import java.util.Arrays;
import java.util.Random;
import org.hipparchus.special.Erf;

/**
 * A one-dimensional Parzen estimator: an equally weighted mixture of Gaussians truncated to [low, high],
 * one centred on each observation plus a prior component centred mid-range with the range's width as
 * its deviation, so an estimator of few points still reaches the whole range.
 *
 * <p>Bandwidths follow Bergstra et al. (2011): a component's deviation is the larger of the distances to
 * its left and right neighbours among the sorted centres (the range ends count as neighbours), clipped to
 * [width / min(100, n + 1), width]; so crowded regions get narrow kernels and lone points wide ones.
 */
public final class ParzenEstimator {
    private static final double SQRT2 = Math.sqrt(2);
    private static final int REJECTION_TRIES = 64;

    private final double low;
    private final double high;
    private final double[] mus;
    private final double[] sigmas;
    private final double[] mass;

    /** An estimator of {@code points} (each within [low, high], low &lt; high). */
    public ParzenEstimator(double[] points, double low, double high) {
        if (!(low < high)) {
            throw new IllegalArgumentException("range must have low < high, was [" + low + ", " + high + "]");
        }
        this.low = low;
        this.high = high;
        double width = high - low;
        double[] centres = Arrays.copyOf(points, points.length + 1);
        centres[points.length] = low + width / 2;
        Arrays.sort(centres);
        int n = centres.length;
        double minSigma = width / Math.min(100, n + 1);
        mus = centres;
        sigmas = new double[n];
        mass = new double[n];
        for (int i = 0; i < n; i++) {
            double left = centres[i] - (i == 0 ? low : centres[i - 1]);
            double right = (i == n - 1 ? high : centres[i + 1]) - centres[i];
            sigmas[i] = Math.min(width, Math.max(minSigma, Math.max(left, right)));
        }
        // The prior keeps its full-range deviation whatever its neighbours.
        int prior = Arrays.binarySearch(centres, low + width / 2);
        sigmas[prior] = width;
        for (int i = 0; i < n; i++) {
            mass[i] = cdf((high - mus[i]) / sigmas[i]) - cdf((low - mus[i]) / sigmas[i]);
        }
    }

    /** The density at {@code x}, normalised over [low, high]. */
    public double density(double x) {
        double sum = 0;
        for (int i = 0; i < mus.length; i++) {
            double z = (x - mus[i]) / sigmas[i];
            sum += Math.exp(-0.5 * z * z) / (sigmas[i] * Math.sqrt(2 * Math.PI) * mass[i]);
        }
        return sum / mus.length;
    }

    /** One draw: a component picked uniformly, then a value from it within [low, high]. */
    public double sample(Random random) {
        int i = random.nextInt(mus.length);
        for (int t = 0; t < REJECTION_TRIES; t++) {
            double x = mus[i] + sigmas[i] * random.nextGaussian();
            if (x >= low && x <= high) {
                return x;
            }
        }
        // Only a component far outside the range gets here; its in-range mass sits at the nearer end.
        return Math.min(high, Math.max(low, mus[i]));
    }

    private static double cdf(double z) {
        return 0.5 * (1 + Erf.erf(z / SQRT2));
    }
}
