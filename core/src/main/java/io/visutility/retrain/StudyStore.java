package io.visutility.retrain;

import io.visutility.retrain.internal.InMemoryStudyStore;
import io.visutility.training.Budget;
import io.visutility.tuning.HyperParams;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where studies, their trials and the gate's decisions are kept, so a retrain that dies mid-study resumes
 * without training its finished trials again, and a promotion can be traced back to the trials behind it.
 * Every write is idempotent or refused as a whole: a retried call never half-applies. Adapters build the
 * record first (its constructor checks every field) and write nothing when that throws.
 */
public interface StudyStore {

    /** The most studies {@link #studies(String, int)} returns at once. */
    int MAX_STUDIES = 1000;

    /** A store in memory, stamping times from {@code clock}; it is lost when the process ends. */
    static StudyStore inMemory(Clock clock) {
        return new InMemoryStudyStore(clock);
    }

    /**
     * The study of {@code jobId}: a new RUNNING one, or the one an earlier attempt started (whatever its
     * state, seed and scheduler then).
     *
     * @throws StudyArgumentException when a field is invalid
     * @throws StudyStateException    when the job already has a study of a different model
     */
    StudyRecord openStudy(String model, String jobId, long seed, String scheduler);

    /** The study with {@code studyId}, if stored. */
    Optional<StudyRecord> study(String studyId);

    /** The study of {@code jobId}, if one was opened. */
    Optional<StudyRecord> studyOfJob(String jobId);

    /**
     * Up to {@code limit} studies of {@code model}, newest first (by creation, ties by the order opened).
     *
     * @throws StudyArgumentException when {@code limit} is not in 1..{@value #MAX_STUDIES}
     */
    List<StudyRecord> studies(String model, int limit);

    /**
     * Ends a RUNNING study: FINISHED with its chosen trial (which must have SUCCEEDED) or FAILED with -1.
     * Ending it again the same way returns the stored record.
     *
     * @throws StudyStateException when the study is unknown, ended differently, or the chosen trial did not succeed
     */
    StudyRecord endStudy(String studyId, StudyState outcome, int bestTrial);

    /**
     * Records trial {@code number} RUNNING, before its training starts. If the trial is already stored
     * (a retried call) the stored record is returned unchanged, whatever its state.
     *
     * @throws StudyArgumentException when a field is invalid
     * @throws StudyStateException    when the study is unknown or no longer RUNNING
     */
    TrialRecord startTrial(String studyId, int number, HyperParams params, Budget budget, int promotedFrom,
                           int attempt);

    /**
     * Records a RUNNING trial as SUCCEEDED.
     *
     * @throws StudyArgumentException when a field is invalid
     * @throws StudyStateException    when the trial is unknown or not RUNNING (a second finish is refused)
     */
    TrialRecord succeedTrial(String studyId, int number, double objective, Map<String, Double> metrics,
                             String artifactSha256, Duration duration);

    /**
     * Records a RUNNING trial as FAILED.
     *
     * @throws StudyArgumentException when a field is invalid
     * @throws StudyStateException    when the trial is unknown or not RUNNING (a second finish is refused)
     */
    TrialRecord failTrial(String studyId, int number, String error, Duration duration);

    /** The trials of {@code studyId} by number; empty for an unknown study. */
    List<TrialRecord> trials(String studyId);

    /**
     * Stores the gate's decision for its job. The first decision of a job stays: recording again returns the
     * stored one, so a retried job reports the verdict that was acted on.
     *
     * @throws StudyArgumentException when {@code decision} is null
     */
    GateDecision recordDecision(GateDecision decision);

    /** The decision stored for {@code jobId}, if any. */
    Optional<GateDecision> decision(String jobId);

    /** Checks the limit of {@link #studies(String, int)}, naming the bad value. */
    static void checkLimit(int limit) {
        if (limit < 1 || limit > MAX_STUDIES) {
            throw new StudyArgumentException("limit", "limit must be between 1 and " + MAX_STUDIES + ", was " + limit);
        }
    }
}
