package io.visutility.store.internal;

import io.visutility.event.EventLog;
import io.visutility.event.EventLogArgumentException;
import io.visutility.event.EventLogException;
import io.visutility.event.LoggedEvent;
import io.visutility.event.MonitorEvent;
import io.visutility.registry.RegistryException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The event log in a SQL table. An append locks the single counter row, takes the next position and
 * inserts the event in one transaction; appends are thereby serialised and commit in position order, so
 * a reader resuming after the last position it saw can never skip an event that commits later.
 */
public final class JdbcEventLog implements EventLog {
    private final Database db;

    /** Creates a log over the migrated {@code db}. */
    public JdbcEventLog(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    @Override
    public long append(MonitorEvent event) {
        EventLog.checkEvent(event);
        String json = EventJson.write(event);
        return translated(() -> db.write("append event " + event.id(), c -> appendIn(c, event, json)));
    }

    /**
     * Appends {@code event} in the transaction open on {@code c}, so that a change and the event reporting
     * it commit together; every other append waits until that transaction ends.
     */
    public long appendIn(Connection c, MonitorEvent event) throws SQLException {
        EventLog.checkEvent(event);
        return appendIn(c, event, EventJson.write(event));
    }

    private long appendIn(Connection c, MonitorEvent event, String json) throws SQLException {
        long last = lockCounter(c);
        // Looked up under the lock: a concurrent append of the same id has committed by now, or waits.
        Optional<LoggedEvent> earlier = find(c, event.id());
        if (earlier.isPresent()) {
            if (!earlier.get().event().equals(event)) {
                throw EventLogArgumentException.idReused(earlier.get(), event);
            }
            return earlier.get().position();
        }
        long position = last + 1;
        try (PreparedStatement ps = c.prepareStatement("UPDATE event_counter SET last_position = ? WHERE id = 1")) {
            ps.setLong(1, position);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO events (position, event_id, type, model,"
                + " occurred_at, payload) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, position);
            ps.setString(2, event.id());
            ps.setString(3, event.getClass().getSimpleName());
            ps.setString(4, event.model());
            db.dialect().setTime(ps, 5, event.time());
            ps.setString(6, json);
            ps.executeUpdate();
        }
        return position;
    }

    private long lockCounter(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT last_position FROM event_counter WHERE id = 1" + db.dialect().forUpdate());
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("the event_counter row is missing");
            }
            return rs.getLong(1);
        }
    }

    private static Optional<LoggedEvent> find(Connection c, String eventId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT position, payload FROM events WHERE event_id = ?")) {
            ps.setString(1, eventId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(logged(rs)) : Optional.empty();
            }
        }
    }

    @Override
    public List<LoggedEvent> after(long position, int limit) {
        EventLog.checkPage(position, limit);
        return translated(() -> db.read("read events after position " + position, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT position, payload FROM events WHERE position > ? ORDER BY position LIMIT ?")) {
                ps.setLong(1, position);
                ps.setInt(2, limit);
                List<LoggedEvent> page = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        page.add(logged(rs));
                    }
                }
                return List.copyOf(page);
            }
        }));
    }

    @Override
    public long lastPosition() {
        return translated(() -> db.read("read the last event position", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT last_position FROM event_counter WHERE id = 1");
                 ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        }));
    }

    private static LoggedEvent logged(ResultSet rs) throws SQLException {
        long position = rs.getLong("position");
        return new LoggedEvent(position, EventJson.read(position, rs.getString("payload")));
    }

    /** Storage failures surface as the event log's own exception, with the database's message. */
    private static <T> T translated(Supplier<T> work) {
        try {
            return work.get();
        } catch (RegistryException e) {
            throw new EventLogException(e.getMessage(), e);
        }
    }
}
