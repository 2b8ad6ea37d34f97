package io.visutility.store.internal;

import io.visutility.registry.AliasChange;
import io.visutility.registry.AliasConflictException;
import io.visutility.registry.InvalidArgumentException;
import io.visutility.registry.ModelNotFoundException;
import io.visutility.registry.ModelRegistry;
import io.visutility.registry.ModelVersion;
import io.visutility.registry.Names;
import io.visutility.registry.NewModelVersion;
import io.visutility.registry.Page;
import io.visutility.registry.RegistryException;
import io.visutility.registry.VersionPages;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The registry in a SQL database. A version number comes from its model's counter row, locked and
 * bumped in the transaction that inserts the version, so numbers are gapless across processes too.
 */
public final class JdbcModelRegistry implements ModelRegistry {
    private static final int ATTEMPTS = 3;

    private final Database db;
    private final Clock clock;
    private final VersionRows rows;
    private final AliasRows aliases;

    /** Creates a registry over the migrated {@code db}, stamping times with {@code clock}. */
    public JdbcModelRegistry(Database db, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.rows = new VersionRows(db.dialect());
        this.aliases = new AliasRows(db.dialect());
    }

    @Override
    public ModelVersion register(NewModelVersion v) {
        Objects.requireNonNull(v, "version");
        for (int attempt = 1; ; attempt++) {
            try {
                return db.write("register a version of model " + v.name(), c -> registerIn(c, v));
            } catch (RegistryException e) {
                // Two new models racing for one idempotency key: the loser retries and finds the winner's row.
                if (attempt == ATTEMPTS || !(e.getCause() instanceof SQLException sql)
                        || !Database.isUniqueViolation(sql)) {
                    throw e;
                }
            }
        }
    }

    private ModelVersion registerIn(Connection c, NewModelVersion v) throws SQLException {
        if (v.idempotencyKey() != null) {
            // Checked under the model's lock, so a concurrent caller with the same key has committed or waits.
            createModel(c, v.name());
            lockModel(c, v.name());
            List<ModelVersion> earlier = rows.select(c, "idempotency_key = ?", v.idempotencyKey());
            if (!earlier.isEmpty()) {
                ModelVersion first = earlier.get(0);
                if (!first.name().equals(v.name())) {
                    throw new InvalidArgumentException("idempotencyKey", "idempotencyKey " + v.idempotencyKey()
                            + " was already used for model " + first.name() + ", not " + v.name());
                }
                return first;
            }
        }
        Optional<Integer> bumped = nextVersion(c, v.name());
        if (bumped.isEmpty()) {
            createModel(c, v.name());
            bumped = nextVersion(c, v.name());
        }
        int next = bumped.orElseThrow();
        Instant now = db.dialect().now(clock);
        rows.insert(c, v, next, now);
        return new ModelVersion(v.name(), next, v.sha256(), v.params(), v.metrics(), now, v.lineage(), v.tags());
    }

    private static void createModel(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO models (name, last_version) VALUES (?, 0) ON CONFLICT DO NOTHING")) {
            ps.setString(1, name);
            ps.executeUpdate();
        }
    }

    /** Bumps the model's counter, which locks its row until the transaction ends; empty if unknown. */
    private static Optional<Integer> nextVersion(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE models SET last_version = last_version + 1 WHERE name = ? RETURNING last_version")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getInt(1)) : Optional.empty();
            }
        }
    }

    /** The model's last version number, its row locked until the transaction ends; empty if unknown. */
    private Optional<Integer> lockModel(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT last_version FROM models WHERE name = ?" + db.dialect().forUpdate())) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getInt(1)) : Optional.empty();
            }
        }
    }

    @Override
    public ModelVersion get(String name, int version) {
        Names.version(version);
        Names.model(name);
        return db.read("read version " + version + " of model " + name, c -> version(c, name, version));
    }

    @Override
    public ModelVersion latest(String name) {
        Names.model(name);
        return db.read("read the latest version of model " + name, c -> {
            int last = existing(c, name);
            return rows.select(c, "name = ? AND version = ?", name, last).get(0);
        });
    }

    @Override
    public Optional<ModelVersion> alias(String name, String alias) {
        Names.alias(alias);
        Names.model(name);
        return db.read("read alias " + alias + " of model " + name, c -> {
            existing(c, name);
            Optional<Integer> version = aliases.current(c, name, alias);
            return version.isEmpty() ? Optional.<ModelVersion>empty()
                    : Optional.of(rows.select(c, "name = ? AND version = ?", name, version.get()).get(0));
        });
    }

    @Override
    public AliasChange setAlias(String name, String alias, int version, Integer expectedCurrent, String reason,
                                String actor) {
        Names.actor(actor);
        Names.alias(alias);
        Names.version(version);
        Names.model(name);
        return db.write("set alias " + alias + " of model " + name, c -> {
            int last = lockModel(c, name).orElseThrow(() -> notRegistered(name));
            if (version > last) {
                throw new ModelNotFoundException("model " + name + " has no version " + version
                        + "; its latest is " + last);
            }
            Integer current = aliases.current(c, name, alias).orElse(null);
            if (!Objects.equals(current, expectedCurrent)) {
                throw new AliasConflictException("alias " + alias + " of model " + name + " points to "
                        + (current == null ? "nothing" : "version " + current) + ", not the expected "
                        + (expectedCurrent == null ? "nothing" : "version " + expectedCurrent)
                        + "; nothing changed", current);
            }
            AliasChange change = new AliasChange(name, alias, current, version, db.dialect().now(clock), reason,
                    actor);
            aliases.move(c, change);
            return change;
        });
    }

    @Override
    public List<AliasChange> aliasHistory(String name, String alias) {
        Names.alias(alias);
        Names.model(name);
        return db.read("read the history of alias " + alias + " of model " + name, c -> {
            existing(c, name);
            return aliases.history(c, name, alias);
        });
    }

    @Override
    public ModelVersion setTag(String name, int version, String key, String value) {
        Names.tagValue(Names.tagKey(key), value);
        Names.version(version);
        Names.model(name);
        return db.write("set tag " + key + " of version " + version + " of model " + name, c -> {
            version(c, name, version);
            rows.tags().put(c, name, version, Map.of(key, value));
            return version(c, name, version);
        });
    }

    @Override
    public ModelVersion removeTag(String name, int version, String key) {
        Names.tagKey(key);
        Names.version(version);
        Names.model(name);
        return db.write("remove tag " + key + " of version " + version + " of model " + name, c -> {
            version(c, name, version);
            rows.tags().remove(c, name, version, key);
            return version(c, name, version);
        });
    }

    @Override
    public List<ModelVersion> versionsTagged(String name, String key, String value) {
        Names.tagValue(Names.tagKey(key), value);
        Names.model(name);
        return db.read("list versions of model " + name + " tagged " + key, c -> rows.select(c,
                "name = ? AND version IN (SELECT version FROM version_tags WHERE name = ? AND tag_key = ?"
                        + " AND tag_value = ?) ORDER BY version", name, name, key, value));
    }

    @Override
    public List<ModelVersion> versions(String name) {
        Names.model(name);
        return db.read("list versions of model " + name,
                c -> rows.select(c, "name = ? ORDER BY version", name));
    }

    @Override
    public Page<ModelVersion> versions(String name, String pageToken, int limit) {
        Names.model(name);
        VersionPages.limit(limit);
        int after = VersionPages.after(name, pageToken);
        // Keyset, not OFFSET: the primary key (name, version) leads straight to the first row of the page,
        // however deep it is. One row more than the page tells whether another page follows.
        return db.read("list a page of versions of model " + name, c -> VersionPages.page(name,
                rows.select(c, "name = ? AND version > ? ORDER BY version LIMIT ?", name, after, limit + 1), limit));
    }

    @Override
    public List<String> models() {
        return db.read("list models", c -> {
            List<String> names = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT name FROM models");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            // Sorted here, not by the database's collation, to match String order on every backend.
            names.sort(null);
            return List.copyOf(names);
        });
    }

    /** Version {@code version} of {@code name}, or throws {@link ModelNotFoundException}. */
    private ModelVersion version(Connection c, String name, int version) throws SQLException {
        List<ModelVersion> found = rows.select(c, "name = ? AND version = ?", name, version);
        if (!found.isEmpty()) {
            return found.get(0);
        }
        int last = existing(c, name);
        throw new ModelNotFoundException("model " + name + " has no version " + version + "; its latest is " + last);
    }

    private int existing(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT last_version FROM models WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return rs.getInt(1);
                }
            }
        }
        throw notRegistered(name);
    }

    private static ModelNotFoundException notRegistered(String name) {
        return new ModelNotFoundException("model " + name + " is not registered");
    }
}
