package io.visutility.store.internal;

import io.visutility.registry.AliasChange;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads and writes the aliases table and its audit trail, alias_changes. */
final class AliasRows {
    private final Dialect dialect;

    AliasRows(Dialect dialect) {
        this.dialect = dialect;
    }

    Optional<Integer> current(Connection c, String name, String alias) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT version FROM aliases WHERE name = ? AND alias = ?")) {
            ps.setString(1, name);
            ps.setString(2, alias);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getInt(1)) : Optional.empty();
            }
        }
    }

    /** Points the alias at {@code change.to()} and records the change, in the caller's transaction. */
    void move(Connection c, AliasChange change) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO aliases (name, alias, version) VALUES (?, ?, ?)"
                + " ON CONFLICT (name, alias) DO UPDATE SET version = excluded.version")) {
            ps.setString(1, change.name());
            ps.setString(2, change.alias());
            ps.setInt(3, change.to());
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO alias_changes"
                + " (name, alias, from_version, to_version, changed_at, reason, actor) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, change.name());
            ps.setString(2, change.alias());
            if (change.from() == null) {
                ps.setNull(3, Types.INTEGER);
            } else {
                ps.setInt(3, change.from());
            }
            ps.setInt(4, change.to());
            dialect.setTime(ps, 5, change.changedAt());
            ps.setString(6, change.reason());
            ps.setString(7, change.actor());
            ps.executeUpdate();
        }
    }

    List<AliasChange> history(Connection c, String name, String alias) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT from_version, to_version, changed_at, reason, actor"
                + " FROM alias_changes WHERE name = ? AND alias = ? ORDER BY id")) {
            ps.setString(1, name);
            ps.setString(2, alias);
            List<AliasChange> changes = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int from = rs.getInt("from_version");
                    Integer fromVersion = rs.wasNull() ? null : from;
                    changes.add(new AliasChange(name, alias, fromVersion, rs.getInt("to_version"),
                            dialect.getTime(rs, "changed_at"), rs.getString("reason"), rs.getString("actor")));
                }
            }
            return List.copyOf(changes);
        }
    }
}
