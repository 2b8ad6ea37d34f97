package io.visutility.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.visutility.registry.InvalidArgumentException;
import io.visutility.registry.Lineage;
import io.visutility.registry.NewModelVersion;
import io.visutility.registry.RegistryException;
import io.visutility.store.StoreConfig;
import io.visutility.store.internal.DataSources;
import io.visutility.store.internal.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;
import org.sqlite.SQLiteException;

/**
 * The baseline for the store's version counter: a registry that reads {@code max(version) + 1} without a
 * lock, inserts, and when a concurrent writer took the number first runs the whole transaction again, up
 * to {@value #ATTEMPTS} times. It writes the store's own schema (migrated by the store's code) with the
 * same JSON work per row, through a pool of the same kind and size; the models table is only filled for
 * the foreign key, its counter is never read.
 */
final class NaiveMaxPlusOneRegistry implements AutoCloseable {
    static final int ATTEMPTS = 5;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HikariDataSource dataSource;
    private final Dialect dialect;
    private final Clock clock;

    /** A registered number and how many attempts before it clashed with another writer. */
    record Registered(int version, int conflicts) {
    }

    /** Every attempt clashed with another writer; nothing was registered. */
    static final class GaveUpException extends RegistryException {
        GaveUpException(String name, SQLException last) {
            super("gave up registering a version of model " + name + " after " + ATTEMPTS
                    + " clashes with other writers: " + last.getMessage(), last);
        }
    }

    private NaiveMaxPlusOneRegistry(HikariDataSource dataSource, Dialect dialect, Clock clock) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.clock = clock;
    }

    /** Migrates the schema at {@code config} with the store's migrations and opens a pool on it. */
    static NaiveMaxPlusOneRegistry open(StoreConfig config, Clock clock) {
        Dialect dialect = Dialect.of(config.jdbcUrl());
        DataSources.Pool pool = DataSources.open(config, dialect);
        if (dialect == Dialect.POSTGRESQL) {
            return new NaiveMaxPlusOneRegistry(pool.dataSource(), dialect, clock);
        }
        // The store's SQLite connections begin every transaction IMMEDIATE, which is itself a lock; the
        // baseline keeps SQLite's default, deferred, so its read of max(version) takes no write lock.
        pool.close();
        SQLiteConfig sqlite = new SQLiteConfig();
        sqlite.setJournalMode(SQLiteConfig.JournalMode.WAL);
        sqlite.setBusyTimeout(5000);
        sqlite.enforceForeignKeys(true);
        SQLiteDataSource source = new SQLiteDataSource(sqlite);
        source.setUrl(config.jdbcUrl());
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("naive-registry");
        hikari.setMinimumIdle(1);
        hikari.setMaximumPoolSize(4);
        hikari.setDataSource(source);
        return new NaiveMaxPlusOneRegistry(new HikariDataSource(hikari), dialect, clock);
    }

    /** Registers {@code v} as the model's next version; throws {@link GaveUpException} after too many clashes. */
    Registered register(NewModelVersion v) {
        if (v.idempotencyKey() != null) {
            throw new InvalidArgumentException("idempotencyKey",
                    "the baseline registry keeps no idempotency keys, was " + v.idempotencyKey());
        }
        int conflicts = 0;
        while (true) {
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                try {
                    int version = insertNext(c, v);
                    c.commit();
                    return new Registered(version, conflicts);
                } catch (SQLException e) {
                    c.rollback();
                    if (!isConflict(e)) {
                        throw e;
                    }
                    conflicts++;
                    if (conflicts == ATTEMPTS) {
                        throw new GaveUpException(v.name(), e);
                    }
                } finally {
                    c.setAutoCommit(true);
                }
            } catch (SQLException e) {
                throw new RegistryException("register a version of model " + v.name() + " failed: "
                        + e.getMessage(), e);
            }
        }
    }

    private int insertNext(Connection c, NewModelVersion v) throws SQLException {
        int next;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT COALESCE(MAX(version), 0) + 1 FROM versions WHERE name = ?")) {
            ps.setString(1, v.name());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                next = rs.getInt(1);
            }
        }
        if (next == 1) {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO models (name, last_version) VALUES (?, 0) ON CONFLICT DO NOTHING")) {
                ps.setString(1, v.name());
                ps.executeUpdate();
            }
        }
        String json = dialect.json();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO versions (name, version, sha256, params,"
                + " metrics, created_at, parent_version, trigger_event_id, job_id, trainer, details)"
                + " VALUES (?, ?, ?, " + json + ", " + json + ", ?, ?, ?, ?, ?, " + json + ")")) {
            Lineage lineage = v.lineage();
            ps.setString(1, v.name());
            ps.setInt(2, next);
            ps.setString(3, v.sha256());
            ps.setString(4, write(v.params().asMap()));
            ps.setString(5, write(v.metrics()));
            dialect.setTime(ps, 6, clock.instant());
            if (lineage.parentVersion() == null) {
                ps.setNull(7, Types.INTEGER);
            } else {
                ps.setInt(7, lineage.parentVersion());
            }
            ps.setString(8, lineage.triggerEventId());
            ps.setString(9, lineage.jobId());
            ps.setString(10, lineage.trainer());
            ps.setString(11, write(lineage.details()));
            ps.executeUpdate();
        }
        return next;
    }

    /** The version numbers of {@code name} in the database, in order. */
    List<Integer> versions(String name) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT version FROM versions WHERE name = ? ORDER BY version")) {
            ps.setString(1, name);
            List<Integer> versions = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    versions.add(rs.getInt(1));
                }
            }
            return versions;
        } catch (SQLException e) {
            throw new RegistryException("list versions of model " + name + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * Whether another writer got there first: on PostgreSQL the same number committed (unique violation);
     * on SQLite also a write lock held by, or a snapshot outdated by, another writer (SQLITE_BUSY).
     */
    static boolean isConflict(SQLException e) {
        if ("23505".equals(e.getSQLState())) {
            return true;
        }
        if (e instanceof SQLiteException sqlite) {
            int primary = sqlite.getResultCode().code & 0xff;
            return primary == 5 || (primary == 19 && String.valueOf(e.getMessage()).contains("UNIQUE"));
        }
        return false;
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new RegistryException("cannot write " + value + " as JSON: " + e.getOriginalMessage(), e);
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
