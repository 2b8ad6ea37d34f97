package io.visutility.metrics;

import java.util.Arrays;
import java.util.Comparator;

/** Area under the ROC curve by the rank-sum (Mann-Whitney) statistic, with ties given mid-ranks. */
final class RocAuc {
    private RocAuc() {
    }

    static double of(double[] scores, int[] labels) {
        int n = scores.length;
        long positives = Arrays.stream(labels).filter(l -> l == 1).count();
        long negatives = n - positives;
        if (positives == 0 || negatives == 0) {
            return 0.5;
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> scores[i]));
        double positiveRankSum = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && scores[order[j + 1]] == scores[order[i]]) {
                j++;
            }
            double midRank = (i + j) / 2.0 + 1.0;
            for (int k = i; k <= j; k++) {
                if (labels[order[k]] == 1) {
                    positiveRankSum += midRank;
                }
            }
            i = j + 1;
        }
        double u = positiveRankSum - positives * (positives + 1) / 2.0;
        return u / ((double) positives * negatives);
    }
}
