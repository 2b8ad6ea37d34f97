package io.visutility.retrain;

import io.visutility.registry.InvalidArgumentException;
import io.visutility.registry.Names;
import io.visutility.training.Budget;
import io.visutility.tuning.HyperParams;
import io.visutility.tuning.Trial;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A stored trial of a study, written RUNNING before training starts and SUCCEEDED or FAILED after, so a
 * resumed study knows what was finished and what a dead attempt left half done.
 *
 * @param studyId        the study it belongs to
 * @param number         0, 1, 2 ... in the order the scheduler asked
 * @param params         the candidate
 * @param budget         the compute it was given
 * @param promotedFrom   the trial it continues with a larger budget, or -1
 * @param attempt        the job attempt that started it
 * @param state          RUNNING, SUCCEEDED or FAILED
 * @param objective      the score maximised, or NaN unless SUCCEEDED
 * @param metrics        every validation metric, empty unless SUCCEEDED
 * @param artifactSha256 the trained model's artifact in the artifact store, or null
 * @param started        when it was recorded RUNNING
 * @param finished       when it ended, or null while RUNNING
 * @param duration       training time as measured by the trainer (or until failure), or null while RUNNING
 * @param error          why it failed, or null unless FAILED
 */
public record TrialRecord(String studyId, int number, HyperParams params, Budget budget, int promotedFrom,
                          int attempt, TrialState state, double objective, Map<String, Double> metrics,
                          String artifactSha256, Instant started, Instant finished, Duration duration,
                          String error) {

    /** The longest error stored; longer ones are cut. */
    public static final int MAX_ERROR = 2000;

    /** Checks the record, naming the bad field. */
    public TrialRecord {
        StudyChecks.text("studyId", studyId, 200);
        if (number < 0) {
            throw new StudyArgumentException("number", "trial number must be >= 0, was " + number);
        }
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(budget, "budget");
        if (promotedFrom < -1 || promotedFrom >= number && promotedFrom != -1) {
            throw new StudyArgumentException("promotedFrom", "promotedFrom must be -1 or an earlier trial than "
                    + number + ", was " + promotedFrom);
        }
        if (attempt < 1) {
            throw new StudyArgumentException("attempt", "attempt must be >= 1, was " + attempt);
        }
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(started, "started");
        metrics = StudyChecks.finiteMap("metrics", metrics);
        if (state == TrialState.SUCCEEDED ? !Double.isFinite(objective) : !Double.isNaN(objective)) {
            throw new StudyArgumentException("objective", "objective must be finite exactly when the trial"
                    + " SUCCEEDED, was " + objective + " for a " + state + " trial");
        }
        if (artifactSha256 != null) {
            try {
                Names.sha256(artifactSha256);
            } catch (InvalidArgumentException e) {
                throw new StudyArgumentException("artifactSha256", e.getMessage());
            }
        }
        if (state == TrialState.FAILED) {
            StudyChecks.text("error", error, MAX_ERROR);
        } else if (error != null) {
            throw new StudyArgumentException("error", "error must be null for a " + state + " trial, was "
                    + StudyChecks.quote(error));
        }
        if ((state == TrialState.RUNNING) != (finished == null) || (finished == null) != (duration == null)) {
            throw new StudyArgumentException("finished", "finished and duration must be set exactly when the trial"
                    + " has ended, were " + finished + " and " + duration + " for a " + state + " trial");
        }
        if (duration != null && duration.isNegative()) {
            throw new StudyArgumentException("duration", "duration must be >= 0, was " + duration);
        }
    }

    /** A trial recorded RUNNING at {@code now}, before its training starts. */
    public static TrialRecord started(String studyId, int number, HyperParams params, Budget budget,
                                      int promotedFrom, int attempt, Instant now) {
        return new TrialRecord(studyId, number, params, budget, promotedFrom, attempt, TrialState.RUNNING,
                Double.NaN, Map.of(), null, now, null, null, null);
    }

    /** This trial, SUCCEEDED with its score, metrics and stored artifact. */
    public TrialRecord succeeded(double objective, Map<String, Double> metrics, String artifactSha256,
                                 Duration duration, Instant now) {
        return new TrialRecord(studyId, number, params, budget, promotedFrom, attempt, TrialState.SUCCEEDED,
                objective, metrics, artifactSha256, started, now, duration, null);
    }

    /** This trial, FAILED with {@code error} (cut to {@link #MAX_ERROR} characters). */
    public TrialRecord failed(String error, Duration duration, Instant now) {
        String cut = error == null || error.length() <= MAX_ERROR ? error : error.substring(0, MAX_ERROR);
        return new TrialRecord(studyId, number, params, budget, promotedFrom, attempt, TrialState.FAILED,
                Double.NaN, Map.of(), null, started, now, duration, cut);
    }

    /** The trial as a tuner sees it: pending while RUNNING. */
    public Trial toTrial() {
        return switch (state) {
            case RUNNING -> Trial.pending(number, params, budget);
            case SUCCEEDED -> Trial.succeeded(number, params, objective, budget);
            case FAILED -> Trial.failed(number, params, error, budget);
        };
    }
}
