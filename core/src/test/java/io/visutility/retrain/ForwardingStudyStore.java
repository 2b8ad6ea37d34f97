package io.visutility.retrain;

import io.visutility.training.Budget;
import io.visutility.tuning.HyperParams;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A study store that passes every call on, for tests that fail one call of a real store. */
class ForwardingStudyStore implements StudyStore {
    private final StudyStore delegate;

    ForwardingStudyStore(StudyStore delegate) {
        this.delegate = delegate;
    }

    @Override
    public StudyRecord openStudy(String model, String jobId, long seed, String scheduler) {
        return delegate.openStudy(model, jobId, seed, scheduler);
    }

    @Override
    public Optional<StudyRecord> study(String studyId) {
        return delegate.study(studyId);
    }

    @Override
    public Optional<StudyRecord> studyOfJob(String jobId) {
        return delegate.studyOfJob(jobId);
    }

    @Override
    public List<StudyRecord> studies(String model, int limit) {
        return delegate.studies(model, limit);
    }

    @Override
    public StudyRecord endStudy(String studyId, StudyState outcome, int bestTrial) {
        return delegate.endStudy(studyId, outcome, bestTrial);
    }

    @Override
    public TrialRecord startTrial(String studyId, int number, HyperParams params, Budget budget, int promotedFrom,
                                  int attempt) {
        return delegate.startTrial(studyId, number, params, budget, promotedFrom, attempt);
    }

    @Override
    public TrialRecord succeedTrial(String studyId, int number, double objective, Map<String, Double> metrics,
                                    String artifactSha256, Duration duration) {
        return delegate.succeedTrial(studyId, number, objective, metrics, artifactSha256, duration);
    }

    @Override
    public TrialRecord failTrial(String studyId, int number, String error, Duration duration) {
        return delegate.failTrial(studyId, number, error, duration);
    }

    @Override
    public List<TrialRecord> trials(String studyId) {
        return delegate.trials(studyId);
    }

    @Override
    public GateDecision recordDecision(GateDecision decision) {
        return delegate.recordDecision(decision);
    }

    @Override
    public Optional<GateDecision> decision(String jobId) {
        return delegate.decision(jobId);
    }
}
