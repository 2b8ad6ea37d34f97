package io.visutility.drift;

/** Builds references from literal values, keeping every value so tests know the summary exactly. */
final class References {
    private References() {
    }

    static FeatureReference binned(int bins, double... values) {
        FeatureReference.Builder b = FeatureReference.numeric(bins, Math.max(2, values.length), 1);
        for (double v : values) {
            b.add(v);
        }
        return b.build();
    }

    static FeatureReference numeric(double... values) {
        return binned(10, values);
    }

    static FeatureReference categorical(double... codes) {
        FeatureReference.Builder b = FeatureReference.categorical(64);
        for (double c : codes) {
            b.add(c);
        }
        return b.build();
    }

    /** {@code count} copies of {@code code} followed by the same for the next pairs: (code, count, code, count...). */
    static double[] codes(int... codeCountPairs) {
        int total = 0;
        for (int i = 1; i < codeCountPairs.length; i += 2) {
            total += codeCountPairs[i];
        }
        double[] out = new double[total];
        int at = 0;
        for (int i = 0; i < codeCountPairs.length; i += 2) {
            for (int k = 0; k < codeCountPairs[i + 1]; k++) {
                out[at++] = codeCountPairs[i];
            }
        }
        return out;
    }

    /** {@code n} seeded standard normal values shifted by {@code mean}. */
    static double[] normal(int n, double mean, long seed) {
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = mean + random.nextGaussian();
        }
        return out;
    }
}
