package io.visutility.metrics;

import io.visutility.VisutilityException;

/** A metric value outside its domain (not finite, or outside [0, 1]); names the offending field. */
public class InvalidMetricsException extends VisutilityException {
    private final String field;

    /** Creates the exception for {@code field}. */
    public InvalidMetricsException(String message, String field) {
        super(message);
        this.field = field;
    }

    /** The name of the field whose value was rejected. */
    public String field() {
        return field;
    }
}
