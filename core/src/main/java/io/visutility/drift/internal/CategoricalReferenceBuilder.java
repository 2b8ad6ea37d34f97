package io.visutility.drift.internal;

import io.visutility.drift.DriftException;
import io.visutility.drift.FeatureReference;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Builds a {@link CategoricalReference}. The first {@code maxCategories} distinct codes get a count each and
 * later ones share the "other" count, so memory is bounded however many categories the data has; counting
 * every category to keep the most frequent ones would not be.
 */
public final class CategoricalReferenceBuilder implements FeatureReference.Builder {
    private static final int MAX_CATEGORIES = 100_000;

    private final int maxCategories;
    private final Map<Long, Integer> index = new HashMap<>();
    private long[] counts = new long[8];
    private long other;
    private long rows;

    /** See {@link FeatureReference#categorical(int)}. */
    public CategoricalReferenceBuilder(int maxCategories) {
        if (maxCategories < 1 || maxCategories > MAX_CATEGORIES) {
            throw new DriftException("maxCategories must be within [1, " + MAX_CATEGORIES + "], was " + maxCategories);
        }
        this.maxCategories = maxCategories;
    }

    @Override
    public void add(double value) {
        long code = Values.categoryCode("value", value);
        rows++;
        Integer at = index.get(code);
        if (at == null && index.size() < maxCategories) {
            at = index.size();
            index.put(code, at);
            if (at == counts.length) {
                counts = Arrays.copyOf(counts, Math.min(maxCategories, 2 * counts.length));
            }
        }
        if (at == null) {
            other++;
        } else {
            counts[at]++;
        }
    }

    @Override
    public FeatureReference build() {
        if (rows < 2) {
            throw new DriftException("a reference needs at least 2 values, had " + rows);
        }
        long[] codes = new long[index.size()];
        int i = 0;
        for (Long code : index.keySet()) {
            codes[i++] = code;
        }
        Arrays.sort(codes);
        long[] sortedCounts = new long[codes.length + 1];
        for (int c = 0; c < codes.length; c++) {
            sortedCounts[c] = counts[index.get(codes[c])];
        }
        sortedCounts[codes.length] = other;
        return new CategoricalReference(codes, sortedCounts, rows);
    }
}
