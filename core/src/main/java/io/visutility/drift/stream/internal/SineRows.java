package io.visutility.drift.stream.internal;

import io.visutility.drift.stream.RowStream;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The Sine concepts of Gama et al. (2004): two features uniform in [0, 1]. Function 1 labels a point 1
 * below y = sin(x), function 3 below y = 0.5 + 0.3 sin(3 pi x); functions 2 and 4 reverse them.
 */
public final class SineRows implements RowStream {
    /** Column names, in order. */
    public static final List<String> FEATURES = List.of("x", "y");

    private final int function;
    private final SplittableRandom random;

    /** Rows of function {@code function} (1 to 4). */
    public SineRows(int function, long seed) {
        this.function = function;
        this.random = new SplittableRandom(seed);
    }

    @Override
    public List<String> featureNames() {
        return FEATURES;
    }

    @Override
    public int next(float[] row) {
        float x = (float) random.nextDouble();
        float y = (float) random.nextDouble();
        row[0] = x;
        row[1] = y;
        return label(function, x, y) ? 1 : 0;
    }

    /** The label of point (x, y) under {@code function} (1 to 4). */
    public static boolean label(int function, double x, double y) {
        return switch (function) {
            case 1 -> y < Math.sin(x);
            case 2 -> y >= Math.sin(x);
            case 3 -> y < 0.5 + 0.3 * Math.sin(3 * Math.PI * x);
            case 4 -> y >= 0.5 + 0.3 * Math.sin(3 * Math.PI * x);
            default -> throw new IllegalArgumentException("function must be within [1, 4], was " + function);
        };
    }
}
