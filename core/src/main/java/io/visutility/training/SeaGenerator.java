package io.visutility.training;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The SEA concepts stream (Street and Kim, 2001): three features drawn uniformly from [0, 10], of which
 * only the first two matter; the label is 1 when {@code f1 + f2 <= theta}. The four concepts use
 * thresholds 8, 9, 7 and 9.5, and a share of labels (10% by default) is flipped as noise. Seeded: the
 * same seed yields the same rows.
 */
public final class SeaGenerator {
    /** Thresholds of concepts 1 to 4. */
    public static final double[] THRESHOLDS = {8.0, 9.0, 7.0, 9.5};
    /** Names of the three columns. */
    public static final List<String> FEATURES = List.of("f1", "f2", "f3");

    private final SplittableRandom random;
    private final double noise;

    private SeaGenerator(long seed, double noise) {
        this.random = new SplittableRandom(seed);
        this.noise = noise;
    }

    /** A generator with 10% label noise. */
    public static SeaGenerator seeded(long seed) {
        return withNoise(seed, 0.10);
    }

    /** A generator flipping each label with probability {@code noise}, in [0, 1). */
    public static SeaGenerator withNoise(long seed, double noise) {
        if (!(noise >= 0 && noise < 1)) {
            throw new TrainingException("noise must be within [0, 1), was " + noise);
        }
        return new SeaGenerator(seed, noise);
    }

    /** The next {@code rows} rows of concept {@code concept} (1 to 4). */
    public Dataset next(int concept, int rows) {
        if (concept < 1 || concept > THRESHOLDS.length) {
            throw new TrainingException("concept must be within [1, 4], was " + concept);
        }
        if (rows < 0) {
            throw new TrainingException("rows must be >= 0, was " + rows);
        }
        double theta = THRESHOLDS[concept - 1];
        float[] features = new float[rows * 3];
        int[] labels = new int[rows];
        for (int r = 0; r < rows; r++) {
            double a = random.nextDouble() * 10;
            double b = random.nextDouble() * 10;
            double c = random.nextDouble() * 10;
            features[r * 3] = (float) a;
            features[r * 3 + 1] = (float) b;
            features[r * 3 + 2] = (float) c;
            int label = a + b <= theta ? 1 : 0;
            if (random.nextDouble() < noise) {
                label = 1 - label;
            }
            labels[r] = label;
        }
        return Dataset.of(FEATURES, features, labels);
    }
}
