package io.visutility.store.internal;

import io.visutility.jobs.Job;
import io.visutility.jobs.JobState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads and writes rows of the jobs table. */
final class JobRows {
    private static final String COLUMNS = "id, model, state, attempts, max_attempts, trigger_event_id, created_at,"
            + " updated_at, not_before, last_error, lease_owner, lease_until";
    /** When a worker may take an active job: after its back-off if QUEUED, when its lease ends if RUNNING. */
    static final String CLAIMABLE_AT = "CASE WHEN state = 'QUEUED' THEN not_before ELSE lease_until END";

    private final Dialect dialect;

    JobRows(Dialect dialect) {
        this.dialect = dialect;
    }

    /** Inserts {@code job} unless its model has an active job (the partial unique index decides); true if inserted. */
    boolean insertUnlessActive(Connection c, Job job) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO jobs (" + COLUMNS + ")"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
            ps.setString(1, job.id());
            ps.setString(2, job.model());
            ps.setString(3, job.state().name());
            ps.setInt(4, job.attempts());
            ps.setInt(5, job.maxAttempts());
            ps.setString(6, job.triggerEventId());
            dialect.setTime(ps, 7, job.createdAt());
            dialect.setTime(ps, 8, job.updatedAt());
            dialect.setTime(ps, 9, job.notBefore());
            ps.setString(10, job.lastError());
            ps.setString(11, job.leaseOwner());
            setTimeOrNull(ps, 12, job.leaseUntil());
            return ps.executeUpdate() == 1;
        }
    }

    /**
     * Writes {@code next} over the row, provided it still is {@code expected} (same state, attempt and
     * lease owner): the fence that keeps a stale worker's change out. True if the row was changed.
     */
    boolean update(Connection c, Job expected, Job next) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE jobs SET state = ?, attempts = ?, updated_at = ?,"
                + " not_before = ?, last_error = ?, lease_owner = ?, lease_until = ?"
                + " WHERE id = ? AND state = ? AND attempts = ? AND "
                + (expected.leaseOwner() == null ? "lease_owner IS NULL" : "lease_owner = ?"))) {
            ps.setString(1, next.state().name());
            ps.setInt(2, next.attempts());
            dialect.setTime(ps, 3, next.updatedAt());
            dialect.setTime(ps, 4, next.notBefore());
            ps.setString(5, next.lastError());
            ps.setString(6, next.leaseOwner());
            setTimeOrNull(ps, 7, next.leaseUntil());
            ps.setString(8, expected.id());
            ps.setString(9, expected.state().name());
            ps.setInt(10, expected.attempts());
            if (expected.leaseOwner() != null) {
                ps.setString(11, expected.leaseOwner());
            }
            return ps.executeUpdate() == 1;
        }
    }

    /** The job claimable the longest at {@code now}, locked (PostgreSQL: skipping rows other claimers hold). */
    Optional<Job> nextClaimable(Connection c, Instant now) throws SQLException {
        String lock = dialect == Dialect.POSTGRESQL ? " FOR UPDATE SKIP LOCKED" : "";
        List<Job> found = select(c, "(state = 'QUEUED' AND not_before <= ?) OR (state = 'RUNNING' AND lease_until <= ?)"
                + " ORDER BY " + CLAIMABLE_AT + ", seq LIMIT 1" + lock, now, now);
        return found.stream().findFirst();
    }

    /** The job with {@code id}, its row locked until the transaction ends. */
    Optional<Job> lock(Connection c, String id) throws SQLException {
        return select(c, "id = ?" + dialect.forUpdate(), id).stream().findFirst();
    }

    /** The jobs selected by {@code where} (a condition on the jobs table, maybe with an order) with {@code args}. */
    List<Job> select(Connection c, String where, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM jobs WHERE " + where)) {
            for (int i = 0; i < args.length; i++) {
                if (args[i] instanceof Instant time) {
                    dialect.setTime(ps, i + 1, time);
                } else {
                    ps.setObject(i + 1, args[i]);
                }
            }
            List<Job> found = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(map(rs));
                }
            }
            return found;
        }
    }

    /** The earliest time an active job becomes claimable, if any job is active. */
    Optional<Instant> nextClaimableAt(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT MIN(" + CLAIMABLE_AT + ") AS claimable_at FROM jobs"
                + " WHERE state IN ('QUEUED', 'RUNNING')");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? timeOrNull(rs, "claimable_at") : Optional.empty();
        }
    }

    private Job map(ResultSet rs) throws SQLException {
        return new Job(rs.getString("id"), rs.getString("model"), JobState.valueOf(rs.getString("state")),
                rs.getInt("attempts"), rs.getInt("max_attempts"), rs.getString("trigger_event_id"),
                dialect.getTime(rs, "created_at"), dialect.getTime(rs, "updated_at"),
                dialect.getTime(rs, "not_before"), rs.getString("last_error"), rs.getString("lease_owner"),
                timeOrNull(rs, "lease_until").orElse(null));
    }

    private Optional<Instant> timeOrNull(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column) == null ? Optional.empty() : Optional.of(dialect.getTime(rs, column));
    }

    private void setTimeOrNull(PreparedStatement ps, int index, Instant time) throws SQLException {
        if (time == null) {
            ps.setNull(index, dialect == Dialect.SQLITE ? Types.BIGINT : Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            dialect.setTime(ps, index, time);
        }
    }
}
