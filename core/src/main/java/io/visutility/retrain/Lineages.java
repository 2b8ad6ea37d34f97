package io.visutility.retrain;

import io.visutility.jobs.Job;
import io.visutility.jobs.JobQueue;
import io.visutility.registry.AliasChange;
import io.visutility.registry.ModelRegistry;
import io.visutility.registry.ModelVersion;
import java.util.List;
import java.util.Objects;

/** Builds the {@link LineageChain} of a version from the registry, the job queue and the study store. */
public final class Lineages {
    private final ModelRegistry registry;
    private final JobQueue jobs;
    private final StudyStore studies;

    /** Lineages read from these three stores. */
    public Lineages(ModelRegistry registry, JobQueue jobs, StudyStore studies) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.jobs = Objects.requireNonNull(jobs, "jobs");
        this.studies = Objects.requireNonNull(studies, "studies");
    }

    /**
     * The chain of {@code version} of {@code model}.
     *
     * @throws io.visutility.registry.ModelNotFoundException when the version is not registered
     */
    public LineageChain lineage(String model, int version) {
        ModelVersion v = registry.get(model, version);
        String jobId = v.lineage().jobId();
        Job job = jobId == null ? null : jobs.find(jobId).orElse(null);
        StudyRecord study = null;
        List<TrialRecord> trials = List.of();
        TrialRecord chosen = null;
        GateDecision decision = null;
        if (jobId != null) {
            study = studies.studyOfJob(jobId).orElse(null);
            if (study != null) {
                trials = studies.trials(study.id());
                int best = study.bestTrial();
                chosen = trials.stream().filter(t -> t.number() == best).findFirst().orElse(null);
            }
            decision = studies.decision(jobId).filter(d -> d.candidateVersion() == version).orElse(null);
        }
        AliasChange promotion = registry.aliasHistory(model, ModelRegistry.CHAMPION).stream()
                .filter(c -> c.to() == version).findFirst().orElse(null);
        return new LineageChain(v, v.lineage().triggerEventId(), job, study, trials, chosen, decision, promotion);
    }
}
