package io.visutility.event;

import io.visutility.event.internal.InMemoryEventLog;
import java.util.List;
import java.util.Objects;

/**
 * An append-only log of {@link MonitorEvent}s, each at a position (a sequence number) that grows with
 * every append. Readers page through it with {@link #after(long, int)}, remembering the last position
 * they saw; an event that becomes visible to them never has a lower position than one they have already
 * read, so a reader that resumes after its last position misses nothing.
 *
 * <p>Appends are idempotent by event id: publishing the same event again (an at-least-once retry)
 * returns the position it was first logged at and adds nothing. To record what a bus publishes,
 * subscribe the log: {@code bus.subscribe("event-log", log::append)}.
 */
public interface EventLog {

    /** The largest page {@link #after(long, int)} returns. */
    int MAX_LIMIT = 10_000;

    /** A log in memory; it is lost when the process ends. */
    static EventLog inMemory() {
        return new InMemoryEventLog();
    }

    /**
     * Logs {@code event} and returns its position, greater than every position handed out before. An
     * event whose id is already logged is not logged again: its first position is returned.
     *
     * @throws NullPointerException       when {@code event} is null
     * @throws EventLogArgumentException when a different event was already logged under the same id, or
     *                                   the id or model name holds a NUL character (no SQL database
     *                                   can store one)
     * @throws EventLogException         when the log cannot be written; nothing was logged then
     */
    long append(MonitorEvent event);

    /**
     * Up to {@code limit} events logged at positions greater than {@code position}, oldest first. Start
     * from position 0 to read from the beginning.
     *
     * @throws EventLogArgumentException when {@code position} is negative or {@code limit} is not in
     *                                   1..{@value #MAX_LIMIT}
     */
    List<LoggedEvent> after(long position, int limit);

    /** The position of the last logged event, or 0 when the log is empty. */
    long lastPosition();

    /** Checks the argument of {@link #append(MonitorEvent)}, naming the bad part. */
    static void checkEvent(MonitorEvent event) {
        Objects.requireNonNull(event, "event");
        if (event.id().indexOf('\0') >= 0) {
            throw new EventLogArgumentException("id", "event id must not contain a NUL character, was "
                    + event.id().replace("\0", "\\u0000"));
        }
        if (event.model().indexOf('\0') >= 0) {
            throw new EventLogArgumentException("model", "model must not contain a NUL character, was "
                    + event.model().replace("\0", "\\u0000"));
        }
    }

    /** Checks the arguments of {@link #after(long, int)}, naming the bad one. */
    static void checkPage(long position, int limit) {
        if (position < 0) {
            throw new EventLogArgumentException("position", "position must be >= 0, was " + position);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new EventLogArgumentException("limit",
                    "limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
        }
    }
}
