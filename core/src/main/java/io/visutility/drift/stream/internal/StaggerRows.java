package io.visutility.drift.stream.internal;

import io.visutility.drift.stream.RowStream;
import java.util.List;
import java.util.SplittableRandom;

/**
 * STAGGER (Schlimmer and Granger, 1986): size (small, medium, large), colour (red, green, blue) and shape
 * (circle, square, triangle), coded 0 to 2, each uniform. Concept 1 is small and red, concept 2 green or
 * circle, concept 3 medium or large.
 */
public final class StaggerRows implements RowStream {
    /** Column names, in order. */
    public static final List<String> FEATURES = List.of("size", "color", "shape");

    private final int concept;
    private final SplittableRandom random;

    /** Rows of concept {@code concept} (1 to 3). */
    public StaggerRows(int concept, long seed) {
        this.concept = concept;
        this.random = new SplittableRandom(seed);
    }

    @Override
    public List<String> featureNames() {
        return FEATURES;
    }

    @Override
    public int next(float[] row) {
        int size = random.nextInt(3);
        int color = random.nextInt(3);
        int shape = random.nextInt(3);
        row[0] = size;
        row[1] = color;
        row[2] = shape;
        return label(concept, size, color, shape) ? 1 : 0;
    }

    /** Whether the object is positive under {@code concept} (1 to 3). */
    public static boolean label(int concept, int size, int color, int shape) {
        return switch (concept) {
            case 1 -> size == 0 && color == 0;
            case 2 -> color == 1 || shape == 0;
            case 3 -> size == 1 || size == 2;
            default -> throw new IllegalArgumentException("concept must be within [1, 3], was " + concept);
        };
    }
}
