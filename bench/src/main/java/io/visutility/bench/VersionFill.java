package io.visutility.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Gives a model many versions in seconds: copies of its version 1 (registered through the registry under
 * test) made by one INSERT ... SELECT, with the model's counter row set to the last number in the same
 * transaction, so the store carries on from there as if it had registered them all.
 */
final class VersionFill {
    private static final String COLUMNS = "name, version, sha256, params, metrics, created_at, parent_version,"
            + " trigger_event_id, job_id, trainer, details";
    // Checksums stay distinct: the copy's number in hex, padded to 64 digits.
    private static final String POSTGRES_COPY = "INSERT INTO versions (" + COLUMNS + ") SELECT t.name, n.v,"
            + " lpad(to_hex(n.v), 64, '0'), t.params, t.metrics, t.created_at, t.parent_version,"
            + " t.trigger_event_id, t.job_id, t.trainer, t.details"
            + " FROM versions t CROSS JOIN generate_series(?, ?) AS n(v) WHERE t.name = ? AND t.version = 1";
    private static final String SQLITE_COPY = "WITH RECURSIVE n(v) AS (SELECT ? UNION ALL SELECT v + 1 FROM n"
            + " WHERE v < ?) INSERT INTO versions (" + COLUMNS + ") SELECT t.name, n.v, printf('%064x', n.v),"
            + " t.params, t.metrics, t.created_at, t.parent_version, t.trigger_event_id, t.job_id, t.trainer,"
            + " t.details FROM versions t, n WHERE t.name = ? AND t.version = 1";

    private VersionFill() {
    }

    /** Adds copies of version 1 of {@code model} until it has versions 1 to {@code count}. */
    static void extend(BenchDatabase database, String model, int count) throws SQLException {
        try (Connection c = database.connect()) {
            c.setAutoCommit(false);
            int last = last(c, model);
            if (last < 1 || last > count) {
                throw new IllegalStateException("cannot extend model " + model + " from " + last + " to "
                        + count + " versions");
            }
            if (last == count) {
                return;
            }
            boolean postgres = c.getMetaData().getURL().startsWith("jdbc:postgresql:");
            try (PreparedStatement ps = c.prepareStatement(postgres ? POSTGRES_COPY : SQLITE_COPY)) {
                ps.setInt(1, last + 1);
                ps.setInt(2, count);
                ps.setString(3, model);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE models SET last_version = ? WHERE name = ?")) {
                ps.setInt(1, count);
                ps.setString(2, model);
                ps.executeUpdate();
            }
            c.commit();
        }
    }

    /** Refreshes the planner's statistics, as autovacuum (PostgreSQL) or an operator (SQLite) would. */
    static void analyze(BenchDatabase database) throws SQLException {
        try (Connection c = database.connect(); Statement st = c.createStatement()) {
            st.execute("ANALYZE");
        }
    }

    private static int last(Connection c, String model) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(MAX(version), 0) FROM versions WHERE name = ?")) {
            ps.setString(1, model);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
