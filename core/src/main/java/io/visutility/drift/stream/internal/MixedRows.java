package io.visutility.drift.stream.internal;

import io.visutility.drift.stream.RowStream;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The Mixed concept of Gama et al. (2004): two boolean features v, w and two numeric x, y uniform in
 * [0, 1]. Function 1 labels a row 1 when at least two of v, w and y < 0.5 + 0.3 sin(3 pi x) hold;
 * function 2 is its reverse.
 */
public final class MixedRows implements RowStream {
    /** Column names, in order. */
    public static final List<String> FEATURES = List.of("v", "w", "x", "y");

    private final int function;
    private final SplittableRandom random;

    /** Rows of function {@code function} (1 or 2). */
    public MixedRows(int function, long seed) {
        this.function = function;
        this.random = new SplittableRandom(seed);
    }

    @Override
    public List<String> featureNames() {
        return FEATURES;
    }

    @Override
    public int next(float[] row) {
        boolean v = random.nextBoolean();
        boolean w = random.nextBoolean();
        float x = (float) random.nextDouble();
        float y = (float) random.nextDouble();
        row[0] = v ? 1 : 0;
        row[1] = w ? 1 : 0;
        row[2] = x;
        row[3] = y;
        return label(function, v, w, x, y) ? 1 : 0;
    }

    /** The label of a row under {@code function} (1 or 2). */
    public static boolean label(int function, boolean v, boolean w, double x, double y) {
        int held = (v ? 1 : 0) + (w ? 1 : 0) + (y < 0.5 + 0.3 * Math.sin(3 * Math.PI * x) ? 1 : 0);
        return switch (function) {
            case 1 -> held >= 2;
            case 2 -> held < 2;
            default -> throw new IllegalArgumentException("function must be 1 or 2, was " + function);
        };
    }
}
