package io.visutility.drift;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/** Seeded rows of independent standard normal features, optionally with one feature's mean shifted. */
final class GaussianRows {
    private final SplittableRandom random;
    private final double[] row;

    GaussianRows(int features, long seed) {
        this.random = new SplittableRandom(seed);
        this.row = new double[features];
    }

    static List<String> names(int features) {
        return IntStream.range(0, features).mapToObj(i -> "f" + i).toList();
    }

    /** The next row, with {@code shift} added to feature {@code shifted}; the array is reused. */
    double[] next(int shifted, double shift) {
        for (int f = 0; f < row.length; f++) {
            row[f] = random.nextGaussian();
        }
        if (shifted >= 0) {
            row[shifted] += shift;
        }
        return row;
    }

    double[] next() {
        return next(-1, 0);
    }
}
