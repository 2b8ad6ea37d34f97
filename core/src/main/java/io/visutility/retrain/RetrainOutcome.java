package io.visutility.retrain;

import io.visutility.metrics.ClassificationMetrics;
import io.visutility.registry.ModelVersion;
import io.visutility.tuning.Trial;
import java.util.List;

/**
 * What one retrain produced.
 *
 * @param version          the registered candidate
 * @param previousChampion the champion when the retrain started, or null
 * @param decision         the gate's verdict
 * @param candidateHoldout the candidate's scores on the holdout
 * @param championHoldout  the champion's scores on the same holdout, or null
 * @param trials           every trial of the study, in order
 */
public record RetrainOutcome(ModelVersion version, ModelVersion previousChampion, PromotionDecision decision,
                             ClassificationMetrics candidateHoldout, ClassificationMetrics championHoldout,
                             List<Trial> trials) {

    /** Copies the trials. */
    public RetrainOutcome {
        trials = List.copyOf(trials);
    }

    /** Whether the candidate became champion. */
    public boolean promoted() {
        return decision.promote();
    }
}
