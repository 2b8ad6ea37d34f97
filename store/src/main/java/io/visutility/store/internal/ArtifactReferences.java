package io.visutility.store.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * What garbage collection must never remove: the artifacts the registry's versions point to, those of
 * every trial of a study still running (a resumed study registers from them), and the chosen trial of a
 * finished study (registered right after it ends). Unchosen trials of ended studies are fair game.
 */
public final class ArtifactReferences {
    private final Database db;

    /** Reads references from the migrated {@code db}. */
    public ArtifactReferences(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    /** The sha256 of every artifact referenced, each once. */
    public Set<String> sha256s() {
        return db.read("list the artifacts versions reference", c -> {
            Set<String> found = new HashSet<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT sha256 FROM versions"
                    + " UNION SELECT t.artifact_sha256 FROM trials t JOIN studies s ON s.id = t.study_id"
                    + " WHERE t.artifact_sha256 IS NOT NULL"
                    + " AND (s.state = 'RUNNING' OR (s.state = 'FINISHED' AND t.number = s.best_trial))");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getString(1));
                }
            }
            return Set.copyOf(found);
        });
    }
}
