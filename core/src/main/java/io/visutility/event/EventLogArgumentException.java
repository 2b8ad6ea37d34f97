package io.visutility.event;

/** An argument handed to the event log is invalid; names the field and the bad value. */
public class EventLogArgumentException extends EventLogException {
    private final String field;

    /** Creates the exception for {@code field}. */
    public EventLogArgumentException(String field, String message) {
        super(message);
        this.field = field;
    }

    /**
     * The error for {@code again}, a different event than {@code earlier} under the same id: a retry
     * must repeat the event exactly, so a reused id is a bug of its producer.
     */
    public static EventLogArgumentException idReused(LoggedEvent earlier, MonitorEvent again) {
        return new EventLogArgumentException("event", "event id " + again.id() + " is already logged at position "
                + earlier.position() + " as a different event: " + earlier.event() + "; refused " + again);
    }

    /** The name of the rejected field. */
    public String field() {
        return field;
    }
}
