package io.visutility.drift.stream.internal;

import io.visutility.drift.stream.RowStream;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Rows from one stream, then another: at index i a row comes from the new stream with probability
 * 1 / (1 + e^(-4 (i - position) / width)) (abrupt when the width is 0), as MOA's concept-drift stream
 * mixes its two concepts. Both streams advance only when they are read.
 */
public final class ConceptDriftRows implements RowStream {
    private final RowStream before;
    private final RowStream after;
    private final long position;
    private final long width;
    private final SplittableRandom random;
    private long index;

    /** A drift from {@code before} to {@code after} centred on {@code position}, over {@code width} rows. */
    public ConceptDriftRows(RowStream before, RowStream after, long position, long width, long seed) {
        this.before = before;
        this.after = after;
        this.position = position;
        this.width = width;
        this.random = new SplittableRandom(seed);
    }

    @Override
    public List<String> featureNames() {
        return before.featureNames();
    }

    @Override
    public int next(float[] row) {
        double share = newConceptShare(index++);
        boolean fromNew = share >= 1.0 || (share > 0.0 && random.nextDouble() < share);
        return (fromNew ? after : before).next(row);
    }

    /** The probability that row {@code i} comes from the new stream. */
    public double newConceptShare(long i) {
        if (width == 0) {
            return i >= position ? 1.0 : 0.0;
        }
        return 1.0 / (1.0 + Math.exp(-4.0 * (i - position) / (double) width));
    }
}
