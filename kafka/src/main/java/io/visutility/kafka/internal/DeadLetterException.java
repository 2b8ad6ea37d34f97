package io.visutility.kafka.internal;

import io.visutility.VisutilityException;

/** A record could not be written to the dead-letter topic; it will be read and tried again. */
public final class DeadLetterException extends VisutilityException {
    DeadLetterException(String message, Throwable cause) {
        super(message, cause);
    }
}
