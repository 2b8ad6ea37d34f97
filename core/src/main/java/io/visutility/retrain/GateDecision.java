package io.visutility.retrain;

import io.visutility.registry.InvalidArgumentException;
import io.visutility.registry.Names;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A stored verdict of the {@link PromotionGate}: both sides' holdout numbers, the thresholds applied and
 * why, so a promotion (or a refusal) can be audited later. There is one per retrain job.
 *
 * @param jobId             the retrain job that asked
 * @param studyId           the study that produced the candidate, or null when none was stored
 * @param model             the model
 * @param candidateVersion  the registered candidate
 * @param championVersion   the champion it was compared with, or null when there was none
 * @param metric            the metric that must improve
 * @param candidateMetrics  the candidate's holdout metrics
 * @param championMetrics   the champion's holdout metrics on the same holdout, empty without a champion
 * @param minImprovement    the least gain required
 * @param guards            guard metric to the most it may drop
 * @param promote           the verdict
 * @param rule              which rule decided, e.g. {@code no-champion}, {@code improvement}, {@code guard:recall}
 * @param reason            the verdict in words, with the numbers
 * @param decidedAt         when it was decided
 */
public record GateDecision(String jobId, String studyId, String model, int candidateVersion, Integer championVersion,
                           String metric, Map<String, Double> candidateMetrics, Map<String, Double> championMetrics,
                           double minImprovement, Map<String, Double> guards, boolean promote, String rule,
                           String reason, Instant decidedAt) {

    /** Checks the record, naming the bad field. */
    public GateDecision {
        StudyChecks.text("jobId", jobId, 200);
        if (studyId != null) {
            StudyChecks.text("studyId", studyId, 200);
        }
        try {
            Names.model(model);
            Names.version(candidateVersion);
            if (championVersion != null) {
                Names.version(championVersion);
            }
        } catch (InvalidArgumentException e) {
            throw new StudyArgumentException(e.field(), e.getMessage());
        }
        StudyChecks.text("metric", metric, 64);
        candidateMetrics = StudyChecks.finiteMap("candidateMetrics", candidateMetrics);
        championMetrics = StudyChecks.finiteMap("championMetrics", championMetrics);
        if (!Double.isFinite(minImprovement) || minImprovement < 0) {
            throw new StudyArgumentException("minImprovement", "minImprovement must be a finite number >= 0, was "
                    + minImprovement);
        }
        guards = StudyChecks.finiteMap("guards", guards);
        StudyChecks.text("rule", rule, 64);
        StudyChecks.text("reason", reason, 2000);
        Objects.requireNonNull(decidedAt, "decidedAt");
    }
}
