package io.visutility.bench;

import io.visutility.registry.ModelRegistry;
import io.visutility.registry.ModelVersion;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Fills a store with many versions of one model in seconds: version 1 is registered through the registry,
 * the rest are copies of its row made by one INSERT ... SELECT, and the model's counter row is set to the
 * last number in the same transaction, so the store carries on from there as if it had registered them all.
 */
final class VersionFill {
    private static final String COPIED = "name, version, sha256, params, metrics, created_at, parent_version,"
            + " trigger_event_id, job_id, trainer, details";

    private VersionFill() {
    }

    /** Gives {@code model} the versions 1 to {@code count} and checks the registry sees the last one. */
    static void fill(ModelRegistry registry, BenchDatabase database, String model, int count) throws SQLException {
        if (count < 1) {
            throw new IllegalArgumentException("versions must be at least 1, was " + count);
        }
        ModelVersion first = registry.register(new Payloads(0).next());
        if (first.version() != 1 || !first.name().equals(model)) {
            throw new IllegalStateException("the store is not empty: registered " + first);
        }
        try (Connection c = database.connect()) {
            c.setAutoCommit(false);
            boolean postgres = c.getMetaData().getURL().startsWith("jdbc:postgresql:");
            // Checksums stay distinct: the copy's number in hex, padded to 64 digits.
            String sql = postgres
                    ? "INSERT INTO versions (" + COPIED + ") SELECT t.name, n.v, lpad(to_hex(n.v), 64, '0'),"
                    + " t.params, t.metrics, t.created_at, t.parent_version, t.trigger_event_id, t.job_id,"
                    + " t.trainer, t.details FROM versions t CROSS JOIN generate_series(2, ?) AS n(v)"
                    + " WHERE t.name = ? AND t.version = 1"
                    : "WITH RECURSIVE n(v) AS (SELECT 2 UNION ALL SELECT v + 1 FROM n WHERE v < ?)"
                    + " INSERT INTO versions (" + COPIED + ") SELECT t.name, n.v, printf('%064x', n.v),"
                    + " t.params, t.metrics, t.created_at, t.parent_version, t.trigger_event_id, t.job_id,"
                    + " t.trainer, t.details FROM versions t, n WHERE t.name = ? AND t.version = 1";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setInt(1, count);
                ps.setString(2, model);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE models SET last_version = ? WHERE name = ?")) {
                ps.setInt(1, count);
                ps.setString(2, model);
                ps.executeUpdate();
            }
            c.commit();
        }
        int latest = registry.latest(model).version();
        if (latest != count) {
            throw new IllegalStateException("filled " + count + " versions but the latest is " + latest);
        }
    }
}
