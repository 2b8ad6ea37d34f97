package io.visutility.drift.internal;

import io.visutility.drift.DriftException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * The Benjamini-Hochberg step-up procedure. Rejecting every hypothesis whose adjusted p-value is at most q
 * keeps the expected share of false rejections at or below q for independent (or positively dependent)
 * p-values; when nothing changed it rejects anything at all with probability about q, however many
 * hypotheses there are.
 */
public final class BenjaminiHochberg {
    private BenjaminiHochberg() {
    }

    /**
     * Adjusted p-values, in the order given: for the i-th smallest of m, the minimum over j >= i of
     * p(j) m / j, capped at 1.
     */
    public static double[] adjust(double[] pValues) {
        int m = pValues.length;
        for (int i = 0; i < m; i++) {
            if (!(pValues[i] >= 0 && pValues[i] <= 1)) {
                throw new DriftException("pValues[" + i + "] must be within [0, 1], was " + pValues[i]);
            }
        }
        Integer[] order = IntStream.range(0, m).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> pValues[i]));
        double[] adjusted = new double[m];
        double running = 1;
        for (int rank = m; rank >= 1; rank--) {
            int at = order[rank - 1];
            running = Math.min(running, pValues[at] * m / rank);
            adjusted[at] = running;
        }
        return adjusted;
    }
}
