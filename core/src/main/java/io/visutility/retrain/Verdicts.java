package io.visutility.retrain;

import io.visutility.jobs.Job;
import io.visutility.metrics.ClassificationMetrics;
import io.visutility.registry.ModelVersion;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The gate's verdict on a job's candidate, stored once per job before any alias moves. */
final class Verdicts {
    private final StudyStore studies;
    private final PromotionGate gate;
    private final Clock clock;

    Verdicts(StudyStore studies, PromotionGate gate, Clock clock) {
        this.studies = studies;
        this.gate = gate;
        this.clock = clock;
    }

    /** The stored verdict of an earlier attempt of {@code job}, else the gate's, stored before it is acted on. */
    PromotionDecision decide(Job job, ModelVersion candidate, ModelVersion champion,
                                     ClassificationMetrics candidateHoldout, ClassificationMetrics championHoldout,
                                     boolean alreadyPromoted) {
        Optional<GateDecision> earlier = studies.decision(job.id());
        PromotionDecision decision;
        if (earlier.isPresent()) {
            decision = asDecision(earlier.get());
        } else {
            decision = alreadyPromoted
                    ? new PromotionDecision(true, gate.metric(), candidateHoldout.get(gate.metric()),
                            championHoldout == null ? Double.NaN : championHoldout.get(gate.metric()),
                            "promoted by an earlier attempt of job " + job.id(), "earlier-attempt")
                    : gate.decide(candidateHoldout, championHoldout);
            GateDecision stored = studies.recordDecision(new GateDecision(job.id(),
                    studies.studyOfJob(job.id()).map(StudyRecord::id).orElse(null), job.model(), candidate.version(),
                    champion == null ? null : champion.version(), gate.metric(), finite(candidateHoldout),
                    finite(championHoldout), gate.minImprovement(), gate.guards(), decision.promote(), decision.rule(),
                    decision.reason(), clock.instant()));
            decision = asDecision(stored);
        }
        return decision;
    }

    private static PromotionDecision asDecision(GateDecision d) {
        return new PromotionDecision(d.promote(), d.metric(), d.candidateMetrics().getOrDefault(d.metric(), Double.NaN),
                d.championMetrics().getOrDefault(d.metric(), Double.NaN), d.reason(), d.rule());
    }

    /** The finite metrics (an AUC on a one-class holdout is NaN and is left out). */
    static Map<String, Double> finite(ClassificationMetrics metrics) {
        Map<String, Double> map = new LinkedHashMap<>();
        if (metrics != null) {
            metrics.asMap().forEach((k, v) -> {
                if (Double.isFinite(v)) {
                    map.put(k, v);
                }
            });
        }
        return map;
    }
}
