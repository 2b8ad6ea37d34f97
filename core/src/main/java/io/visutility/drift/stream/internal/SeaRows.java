package io.visutility.drift.stream.internal;

import io.visutility.drift.stream.RowStream;
import io.visutility.training.Dataset;
import io.visutility.training.SeaGenerator;
import java.util.List;

/** SEA rows of one concept, read from {@link SeaGenerator} a block at a time so its rows stay the same. */
public final class SeaRows implements RowStream {
    private static final int BLOCK = 512;

    private final SeaGenerator generator;
    private final int concept;
    private Dataset block;
    private int at;

    /** Rows of SEA concept {@code concept} (1 to 4) with label noise {@code noise}. */
    public SeaRows(int concept, double noise, long seed) {
        this.generator = SeaGenerator.withNoise(seed, noise);
        this.concept = concept;
        this.block = generator.next(concept, 0);
    }

    @Override
    public List<String> featureNames() {
        return SeaGenerator.FEATURES;
    }

    @Override
    public int next(float[] row) {
        if (at == block.rows()) {
            block = generator.next(concept, BLOCK);
            at = 0;
        }
        for (int c = 0; c < 3; c++) {
            row[c] = block.feature(at, c);
        }
        return block.label(at++);
    }
}
