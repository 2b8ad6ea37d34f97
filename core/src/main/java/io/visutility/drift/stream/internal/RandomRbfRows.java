package io.visutility.drift.stream.internal;

import io.visutility.drift.stream.RowStream;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Random radial basis functions with drift (as in Bifet et al.'s MOA experiments): centroids with a random
 * centre in [0, 1]^d, class, spread and weight; a row picks a centroid by weight and lies at a Gaussian
 * distance from it in a random direction. The first {@code moving} centroids travel at {@code speed} per
 * row in a random direction, bouncing off the unit cube's faces.
 */
public final class RandomRbfRows implements RowStream {
    private final List<String> names;
    private final double[][] centres;
    private final double[][] velocity;
    private final int[] classes;
    private final double[] spread;
    private final double[] cumulativeWeight;
    private final SplittableRandom random;

    /** {@code centroids} centroids in {@code dimensions} dimensions, {@code moving} of them moving at {@code speed}. */
    public RandomRbfRows(int dimensions, int centroids, int moving, double speed, long seed) {
        SplittableRandom model = new SplittableRandom(seed);
        this.random = model.split();
        List<String> n = new ArrayList<>(dimensions);
        for (int i = 0; i < dimensions; i++) {
            n.add("x" + (i + 1));
        }
        this.names = List.copyOf(n);
        this.centres = new double[centroids][dimensions];
        this.velocity = new double[centroids][dimensions];
        this.classes = new int[centroids];
        this.spread = new double[centroids];
        this.cumulativeWeight = new double[centroids];
        double total = 0;
        for (int c = 0; c < centroids; c++) {
            for (int d = 0; d < dimensions; d++) {
                centres[c][d] = model.nextDouble();
            }
            classes[c] = model.nextInt(2);
            spread[c] = model.nextDouble();
            total += model.nextDouble();
            cumulativeWeight[c] = total;
            if (c < moving) {
                double[] dir = gaussianDirection(model, dimensions);
                for (int d = 0; d < dimensions; d++) {
                    velocity[c][d] = dir[d] * speed;
                }
            }
        }
    }

    @Override
    public List<String> featureNames() {
        return names;
    }

    @Override
    public int next(float[] row) {
        double pick = random.nextDouble() * cumulativeWeight[cumulativeWeight.length - 1];
        int c = 0;
        while (cumulativeWeight[c] < pick) {
            c++;
        }
        double[] dir = gaussianDirection(random, names.size());
        double distance = nextGaussian(random) * spread[c];
        for (int d = 0; d < dir.length; d++) {
            row[d] = (float) (centres[c][d] + dir[d] * distance);
        }
        move();
        return classes[c];
    }

    /** Coordinate {@code d} of centroid {@code c}'s centre, for tests. */
    public double centre(int c, int d) {
        return centres[c][d];
    }

    private void move() {
        for (int c = 0; c < centres.length; c++) {
            for (int d = 0; d < centres[c].length; d++) {
                double v = velocity[c][d];
                if (v == 0) {
                    continue;
                }
                double x = centres[c][d] + v;
                if (x < 0 || x > 1) {
                    velocity[c][d] = -v;
                    x = x < 0 ? -x : 2 - x;
                }
                centres[c][d] = x;
            }
        }
    }

    private static double[] gaussianDirection(SplittableRandom random, int dimensions) {
        double[] v = new double[dimensions];
        double norm = 0;
        for (int d = 0; d < dimensions; d++) {
            v[d] = nextGaussian(random);
            norm += v[d] * v[d];
        }
        norm = Math.sqrt(norm);
        for (int d = 0; d < dimensions; d++) {
            v[d] /= norm;
        }
        return v;
    }

    // Box-Muller, since SplittableRandom on Java 17 has no nextGaussian of its own.
    private static double nextGaussian(SplittableRandom random) {
        double u = 1.0 - random.nextDouble();
        double w = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * w);
    }
}
