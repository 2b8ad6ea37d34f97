package io.visutility.tuning;

/**
 * The tuner has nothing new to propose. Ends one study, never the observer that asked: the retrain
 * then either uses the trials it has or fails that one job.
 */
public class SearchSpaceExhaustedException extends TunerException {

    /** Creates the exception, saying why the space is exhausted. */
    public SearchSpaceExhaustedException(String message) {
        super(message);
    }
}
