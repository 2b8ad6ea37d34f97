package io.visutility;

/**
 * Root of every exception the orchestrator throws. Unchecked: callers catch the subclass they can
 * handle (for example {@code ModelNotFoundException}) and let the rest propagate.
 */
public class VisutilityException extends RuntimeException {

    /** Creates an exception with a message that should name the offending field or value. */
    public VisutilityException(String message) {
        super(message);
    }

    /** Creates an exception that wraps the cause it was raised for. */
    public VisutilityException(String message, Throwable cause) {
        super(message, cause);
    }
}
