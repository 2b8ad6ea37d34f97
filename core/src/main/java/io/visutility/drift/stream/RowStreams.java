package io.visutility.drift.stream;

import io.visutility.drift.DriftException;
import io.visutility.drift.stream.internal.AgrawalRows;
import io.visutility.drift.stream.internal.ConceptDriftRows;
import io.visutility.drift.stream.internal.HyperplaneRows;
import io.visutility.drift.stream.internal.MixedRows;
import io.visutility.drift.stream.internal.RandomRbfRows;
import io.visutility.drift.stream.internal.SeaRows;
import io.visutility.drift.stream.internal.SineRows;
import io.visutility.drift.stream.internal.StaggerRows;

/**
 * Seeded synthetic row streams from the concept-drift literature, and their composition into a stream
 * with an abrupt or gradual change at a known position. Arguments are checked and a bad one is named.
 */
public final class RowStreams {
    private RowStreams() {
    }

    /** SEA concept {@code concept} (1 to 4; thresholds 8, 9, 7, 9.5) with label noise {@code noise} in [0, 1). */
    public static RowStream sea(int concept, double noise, long seed) {
        within("concept", concept, 1, 4);
        if (!(noise >= 0 && noise < 1)) {
            throw new DriftException("noise must be within [0, 1), was " + noise);
        }
        return new SeaRows(concept, noise, seed);
    }

    /**
     * Agrawal et al.'s loan applicants labelled by classification function {@code function} (1 to 10;
     * label 1 is "Group A"), numeric attributes perturbed by up to {@code perturbation} (in [0, 1]) of their range.
     */
    public static RowStream agrawal(int function, double perturbation, long seed) {
        within("function", function, 1, 10);
        probability("perturbation", perturbation);
        return new AgrawalRows(function, perturbation, seed);
    }

    /** STAGGER concept {@code concept} (1: small and red, 2: green or circle, 3: medium or large). */
    public static RowStream stagger(int concept, long seed) {
        within("concept", concept, 1, 3);
        return new StaggerRows(concept, seed);
    }

    /**
     * A rotating hyperplane in {@code dimensions} dimensions whose first {@code drifting} weights move by
     * {@code magnitude} per row, each reversing direction with probability {@code reversal}; labels are
     * flipped with probability {@code noise}.
     */
    public static RowStream rotatingHyperplane(int dimensions, int drifting, double magnitude, double reversal,
                                               double noise, long seed) {
        within("dimensions", dimensions, 1, 1000);
        within("drifting", drifting, 0, dimensions);
        if (!(magnitude >= 0 && magnitude <= 1)) {
            throw new DriftException("magnitude must be within [0, 1], was " + magnitude);
        }
        probability("reversal", reversal);
        probability("noise", noise);
        return new HyperplaneRows(dimensions, drifting, magnitude, reversal, noise, seed);
    }

    /**
     * Random radial basis functions: {@code centroids} centroids in {@code dimensions} dimensions, the first
     * {@code moving} of which move {@code speed} per row (0 for no drift).
     */
    public static RowStream randomRbf(int dimensions, int centroids, int moving, double speed, long seed) {
        within("dimensions", dimensions, 1, 1000);
        within("centroids", centroids, 1, 100_000);
        within("moving", moving, 0, centroids);
        if (!(speed >= 0 && speed <= 1)) {
            throw new DriftException("speed must be within [0, 1], was " + speed);
        }
        return new RandomRbfRows(dimensions, centroids, moving, speed, seed);
    }

    /** Sine function {@code function} (1: below sin(x), 2: its reverse, 3: below 0.5 + 0.3 sin(3 pi x), 4: its reverse). */
    public static RowStream sine(int function, long seed) {
        within("function", function, 1, 4);
        return new SineRows(function, seed);
    }

    /** Mixed function {@code function} (1: two of v, w, y < 0.5 + 0.3 sin(3 pi x); 2: its reverse). */
    public static RowStream mixed(int function, long seed) {
        within("function", function, 1, 2);
        return new MixedRows(function, seed);
    }

    /**
     * Rows of {@code before}, then of {@code after}: abrupt at {@code position} when {@code width} is 0,
     * otherwise a sigmoid mix centred on {@code position} over {@code width} rows. Both need the same columns.
     */
    public static RowStream drift(RowStream before, RowStream after, long position, long width, long seed) {
        if (before == null || after == null) {
            throw new DriftException("before and after must not be null, were " + before + " and " + after);
        }
        if (!before.featureNames().equals(after.featureNames())) {
            throw new DriftException("after must have the columns of before " + before.featureNames()
                    + ", had " + after.featureNames());
        }
        if (position < 0) {
            throw new DriftException("position must be >= 0, was " + position);
        }
        if (width < 0) {
            throw new DriftException("width must be >= 0, was " + width);
        }
        return new ConceptDriftRows(before, after, position, width, seed);
    }

    private static void within(String field, int value, int low, int high) {
        if (value < low || value > high) {
            throw new DriftException(field + " must be within [" + low + ", " + high + "], was " + value);
        }
    }

    private static void probability(String field, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new DriftException(field + " must be within [0, 1], was " + value);
        }
    }
}
