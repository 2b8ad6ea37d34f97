package io.visutility.event;

import java.util.Objects;

/**
 * An event as the {@link EventLog} holds it.
 *
 * @param position where it is in the log: 1 or more, unique, growing with every append
 * @param event    the event, exactly as it was appended
 */
public record LoggedEvent(long position, MonitorEvent event) {

    /** Validates the position and the event. */
    public LoggedEvent {
        if (position < 1) {
            throw new EventLogArgumentException("position", "a logged position must be >= 1, was " + position);
        }
        Objects.requireNonNull(event, "event");
    }
}
