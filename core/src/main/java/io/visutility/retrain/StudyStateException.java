package io.visutility.retrain;

/**
 * A {@link StudyStore} change does not fit the stored state: the study or trial is unknown, or already
 * finished differently. Nothing was changed; the message says what is stored.
 */
public class StudyStateException extends RetrainException {

    /** Creates the exception. */
    public StudyStateException(String message) {
        super(message);
    }
}
