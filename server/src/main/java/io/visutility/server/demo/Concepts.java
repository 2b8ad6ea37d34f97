package io.visutility.server.demo;

import io.visutility.metrics.ConfusionCounts;
import io.visutility.registry.ModelRegistry;
import io.visutility.registry.ModelVersion;
import io.visutility.training.Dataset;
import io.visutility.training.SeaGenerator;
import java.util.Optional;

/**
 * Which SEA concept the stored champion fits, and which one this run's stream drifts to. A fresh data
 * folder starts on concept 1 and drifts to 4; a folder that already holds a champion continues from the
 * concept that champion fits best, so each run of the demo on the same data is a new incident.
 *
 * @param champion the champion found in the registry, or null for a fresh data folder
 * @param known    the concept the stream starts on (the champion's)
 * @param knownAccuracy the champion's accuracy on fresh rows of that concept, NaN for a fresh folder
 * @param next     the concept the stream switches to
 */
record Concepts(ModelVersion champion, int known, double knownAccuracy, int next) {
    /**
     * The concepts the demo ever trains on. Their thresholds (8, 9.5 and 7) are at least 1 apart, so a
     * model trained on one of them is at least 7.5 points more accurate there than on another (the band
     * between two thresholds holds 7.5 % of the rows or more); 1 -> 4 -> 3 -> 4 ... keeps every switch
     * at least 1.5 wide, which the demo's policy sees within a window. Accuracy, not F1, because the
     * concepts' share of positives differs (25 % to 45 %) and F1 moves with it.
     */
    private static final int[] TRAINED = {1, 4, 3};
    private static final int PROBE_ROWS = 4_000;

    static Concepts of(ModelRegistry registry, String model, Serving serving, long seed) {
        Optional<ModelVersion> champion = registry.models().contains(model)
                ? registry.alias(model, ModelRegistry.CHAMPION) : Optional.empty();
        if (champion.isEmpty()) {
            return new Concepts(null, 1, Double.NaN, 4);
        }
        // A generator of its own, so probing leaves the served stream exactly as a fresh run would see it.
        SeaGenerator probe = SeaGenerator.seeded(~seed);
        int best = TRAINED[0];
        double bestAccuracy = -1;
        for (int concept : TRAINED) {
            Dataset rows = probe.next(concept, PROBE_ROWS);
            double accuracy = ConfusionCounts.of(serving.predict(rows), rows.labels(), 0.5).accuracy();
            if (accuracy > bestAccuracy) {
                best = concept;
                bestAccuracy = accuracy;
            }
        }
        return new Concepts(champion.get(), best, bestAccuracy, best == 4 ? 3 : 4);
    }
}
