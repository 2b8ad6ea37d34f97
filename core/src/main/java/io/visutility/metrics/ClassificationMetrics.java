package io.visutility.metrics;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Quality of a binary classifier on a labelled data set: the basis of every comparison between a
 * candidate and the champion.
 *
 * @param precision fraction of positive predictions that were right
 * @param recall    fraction of actual positives that were found
 * @param f1        harmonic mean of precision and recall
 * @param accuracy  fraction of all predictions that were right
 * @param auc       area under the ROC curve of the scores (0.5 when one class is absent)
 * @param samples   number of rows scored
 */
public record ClassificationMetrics(
        double precision, double recall, double f1, double accuracy, double auc, long samples) {

    /** Validates every field. */
    public ClassificationMetrics {
        Checks.unitInterval("precision", precision);
        Checks.unitInterval("recall", recall);
        Checks.unitInterval("f1", f1);
        Checks.unitInterval("accuracy", accuracy);
        Checks.unitInterval("auc", auc);
        if (samples < 0) {
            throw new InvalidMetricsException("samples must be >= 0, was " + samples, "samples");
        }
    }

    /**
     * Scores predicted probabilities against 0/1 labels, counting a score of at least
     * {@code threshold} as a positive prediction.
     */
    public static ClassificationMetrics evaluate(double[] scores, int[] labels, double threshold) {
        if (scores.length != labels.length) {
            throw new IllegalArgumentException(
                    "scores and labels differ in length: " + scores.length + " vs " + labels.length);
        }
        ConfusionCounts counts = ConfusionCounts.of(scores, labels, threshold);
        return new ClassificationMetrics(counts.precision(), counts.recall(), counts.f1(),
                counts.accuracy(), RocAuc.of(scores, labels), scores.length);
    }

    /** Value of a metric by name: {@code precision}, {@code recall}, {@code f1}, {@code accuracy} or {@code auc}. */
    public double get(String metric) {
        return switch (metric) {
            case "precision" -> precision;
            case "recall" -> recall;
            case "f1" -> f1;
            case "accuracy" -> accuracy;
            case "auc" -> auc;
            default -> throw new IllegalArgumentException(
                    "metric must be one of precision, recall, f1, accuracy, auc; was " + metric);
        };
    }

    /** The metrics as a name-to-value map, in a stable order. */
    public Map<String, Double> asMap() {
        Map<String, Double> map = new LinkedHashMap<>();
        map.put("precision", precision);
        map.put("recall", recall);
        map.put("f1", f1);
        map.put("accuracy", accuracy);
        map.put("auc", auc);
        return map;
    }

    /** The precision/recall/F1 part, as a model would report it to the monitor. */
    public PerformanceMetrics toPerformanceMetrics() {
        return new PerformanceMetrics(precision, recall, f1);
    }
}
