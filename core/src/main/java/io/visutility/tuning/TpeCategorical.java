package io.visutility.tuning;

import io.visutility.tuning.ParamSpec.CategoricalParam;
import java.util.List;
import java.util.Random;

/** TPE's estimator of a categorical parameter: choice counts with one pseudo-count each, so no choice dies out. */
final class TpeCategorical {
    private TpeCategorical() {
    }

    static String propose(CategoricalParam spec, List<HyperParams> below, List<HyperParams> above, int candidates,
                          Random random) {
        double[] l = weights(spec, below);
        double[] g = weights(spec, above);
        int best = -1;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < candidates; i++) {
            int c = draw(l, random);
            double score = Math.log(l[c]) - Math.log(g[c]);
            if (score > bestScore) {
                bestScore = score;
                best = c;
            }
        }
        return spec.choices().get(best);
    }

    private static double[] weights(CategoricalParam spec, List<HyperParams> params) {
        List<String> choices = spec.choices();
        double[] w = new double[choices.size()];
        java.util.Arrays.fill(w, 1.0);
        for (HyperParams p : params) {
            w[choices.indexOf(p.getString(spec.name()))] += 1;
        }
        double total = params.size() + choices.size();
        for (int i = 0; i < w.length; i++) {
            w[i] /= total;
        }
        return w;
    }

    private static int draw(double[] weights, Random random) {
        double u = random.nextDouble();
        for (int i = 0; i < weights.length - 1; i++) {
            u -= weights[i];
            if (u < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }
}
