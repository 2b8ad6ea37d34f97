package io.visutility.store.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/** The artifacts the registry's versions point to: what garbage collection must never remove. */
public final class ArtifactReferences {
    private final Database db;

    /** Reads references from the migrated {@code db}. */
    public ArtifactReferences(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    /** The sha256 of every version's artifact, each once. */
    public Set<String> sha256s() {
        return db.read("list the artifacts versions reference", c -> {
            Set<String> found = new HashSet<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT sha256 FROM versions");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getString(1));
                }
            }
            return Set.copyOf(found);
        });
    }
}
