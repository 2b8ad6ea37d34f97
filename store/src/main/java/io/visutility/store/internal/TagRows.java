package io.visutility.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/** Reads and writes the version_tags table: the mutable key/value tags of versions. */
final class TagRows {

    /** Sets every tag of {@code tags} on the version, replacing earlier values, in the caller's transaction. */
    void put(Connection c, String name, int version, Map<String, String> tags) throws SQLException {
        if (tags.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO version_tags (name, version, tag_key, tag_value)"
                + " VALUES (?, ?, ?, ?) ON CONFLICT (name, version, tag_key) DO UPDATE SET tag_value = excluded.tag_value")) {
            for (Map.Entry<String, String> tag : tags.entrySet()) {
                ps.setString(1, name);
                ps.setInt(2, version);
                ps.setString(3, tag.getKey());
                ps.setString(4, tag.getValue());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    void remove(Connection c, String name, int version, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "DELETE FROM version_tags WHERE name = ? AND version = ? AND tag_key = ?")) {
            ps.setString(1, name);
            ps.setInt(2, version);
            ps.setString(3, key);
            ps.executeUpdate();
        }
    }

    /** The tags of the versions {@code from} to {@code to} of {@code name}, by version; untagged ones absent. */
    Map<Integer, Map<String, String>> between(Connection c, String name, int from, int to) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT version, tag_key, tag_value FROM version_tags"
                + " WHERE name = ? AND version BETWEEN ? AND ?")) {
            ps.setString(1, name);
            ps.setInt(2, from);
            ps.setInt(3, to);
            Map<Integer, Map<String, String>> tags = new HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    tags.computeIfAbsent(rs.getInt(1), v -> new HashMap<>()).put(rs.getString(2), rs.getString(3));
                }
            }
            return tags;
        }
    }
}
