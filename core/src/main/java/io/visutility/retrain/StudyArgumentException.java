package io.visutility.retrain;

/** An argument handed to a {@link StudyStore} is invalid; names the field and the bad value. Nothing was stored. */
public class StudyArgumentException extends RetrainException {
    private final String field;

    /** Creates the exception for {@code field}. */
    public StudyArgumentException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The name of the rejected field. */
    public String field() {
        return field;
    }
}
