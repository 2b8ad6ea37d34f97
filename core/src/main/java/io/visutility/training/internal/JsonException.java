package io.visutility.training.internal;

import io.visutility.training.TrainingException;

/** A JSON text that breaks the grammar or a bound; the message gives the position and what was wrong. */
public final class JsonException extends TrainingException {

    /** Creates the exception. */
    public JsonException(String message) {
        super(message);
    }
}
