package io.visutility.drift.stream.internal;

import io.visutility.drift.stream.RowStream;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The rotating hyperplane of Hulten, Spencer and Domingos (2001): features uniform in [0, 1]^d, label 1
 * when sum w_i x_i >= sum w_i / 2. After every row the first {@code drifting} weights move by
 * {@code magnitude} in their direction, and each direction reverses with probability {@code reversal};
 * a share {@code noise} of labels is flipped.
 */
public final class HyperplaneRows implements RowStream {
    private final List<String> names;
    private final double[] weights;
    private final double[] direction;
    private final int drifting;
    private final double magnitude;
    private final double reversal;
    private final double noise;
    private final SplittableRandom random;

    /** A hyperplane in {@code dimensions} dimensions. */
    public HyperplaneRows(int dimensions, int drifting, double magnitude, double reversal, double noise, long seed) {
        this.random = new SplittableRandom(seed);
        List<String> n = new ArrayList<>(dimensions);
        this.weights = new double[dimensions];
        this.direction = new double[dimensions];
        for (int i = 0; i < dimensions; i++) {
            n.add("x" + (i + 1));
            weights[i] = random.nextDouble();
            direction[i] = random.nextBoolean() ? 1 : -1;
        }
        this.names = List.copyOf(n);
        this.drifting = drifting;
        this.magnitude = magnitude;
        this.reversal = reversal;
        this.noise = noise;
    }

    @Override
    public List<String> featureNames() {
        return names;
    }

    @Override
    public int next(float[] row) {
        double sum = 0;
        double total = 0;
        for (int i = 0; i < weights.length; i++) {
            float x = (float) random.nextDouble();
            row[i] = x;
            sum += weights[i] * x;
            total += weights[i];
        }
        int label = sum >= total * 0.5 ? 1 : 0;
        if (random.nextDouble() < noise) {
            label = 1 - label;
        }
        for (int i = 0; i < drifting; i++) {
            weights[i] += direction[i] * magnitude;
            if (random.nextDouble() < reversal) {
                direction[i] = -direction[i];
            }
        }
        return label;
    }

    /** The current weight of feature {@code i}, for tests. */
    public double weight(int i) {
        return weights[i];
    }
}
