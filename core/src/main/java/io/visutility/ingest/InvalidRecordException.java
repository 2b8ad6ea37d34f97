package io.visutility.ingest;

import io.visutility.VisutilityException;

/** A reported record is malformed or out of range; the message names the field and the bad value. */
public class InvalidRecordException extends VisutilityException {
    private final String field;

    /**
     * @param field   the path of the bad field, such as {@code [3].precision}
     * @param message what is wrong, with the value
     */
    public InvalidRecordException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The path of the bad field, such as {@code [3].precision} or {@code body}. */
    public String field() {
        return field;
    }

    /** The same error with {@code prefix} put before the field path (for a record inside a batch). */
    InvalidRecordException under(String prefix) {
        String path = field.isEmpty() ? prefix : field.startsWith("[") ? prefix + field : prefix + "." + field;
        String message = getMessage().startsWith(field + " ") ? path + getMessage().substring(field.length())
                : getMessage();
        return new InvalidRecordException(path, message);
    }
}
