package io.visutility.retrain;

import io.visutility.registry.InvalidArgumentException;
import io.visutility.registry.Names;
import java.time.Instant;
import java.util.Objects;

/**
 * A stored study: the tuning of one retrain job. There is at most one study per job, so a retried job
 * finds the study its earlier attempt started.
 *
 * @param id        the store's id for it
 * @param model     the model being retrained
 * @param jobId     the job it belongs to
 * @param state     RUNNING, FINISHED or FAILED
 * @param seed      the seed its trials derive theirs from
 * @param scheduler what chose its trials, in words (for lineage and audit)
 * @param bestTrial the number of the chosen trial once FINISHED, else -1
 * @param created   when the study was started
 * @param finished  when it ended, or null while RUNNING
 */
public record StudyRecord(String id, String model, String jobId, StudyState state, long seed, String scheduler,
                          int bestTrial, Instant created, Instant finished) {

    /** The longest scheduler description stored. */
    public static final int MAX_SCHEDULER = 512;

    /** Checks the record, naming the bad field. */
    public StudyRecord {
        StudyChecks.text("id", id, 200);
        try {
            Names.model(model);
        } catch (InvalidArgumentException e) {
            throw new StudyArgumentException("model", e.getMessage());
        }
        StudyChecks.text("jobId", jobId, 200);
        Objects.requireNonNull(state, "state");
        StudyChecks.text("scheduler", scheduler, MAX_SCHEDULER);
        Objects.requireNonNull(created, "created");
        if ((state == StudyState.FINISHED) != (bestTrial >= 0) || bestTrial < -1) {
            throw new StudyArgumentException("bestTrial", "bestTrial must be a trial number exactly when the study is"
                    + " FINISHED, was " + bestTrial + " for a " + state + " study");
        }
        if ((state == StudyState.RUNNING) != (finished == null)) {
            throw new StudyArgumentException("finished", "finished must be set exactly when the study has ended, was "
                    + finished + " for a " + state + " study");
        }
    }

    /** A new RUNNING study. */
    public static StudyRecord started(String id, String model, String jobId, long seed, String scheduler,
                                      Instant now) {
        return new StudyRecord(id, model, jobId, StudyState.RUNNING, seed, scheduler, -1, now, null);
    }

    /** This study ended: FINISHED with {@code bestTrial}, or FAILED with -1. */
    public StudyRecord end(StudyState outcome, int bestTrial, Instant now) {
        if (outcome == StudyState.RUNNING) {
            throw new StudyArgumentException("state", "a study ends FINISHED or FAILED, was " + outcome);
        }
        return new StudyRecord(id, model, jobId, outcome, seed, scheduler, bestTrial, created, now);
    }
}
