package io.visutility.store;

import io.visutility.jobs.JobQueue;
import io.visutility.registry.ArtifactStore;
import io.visutility.registry.ModelRegistry;
import io.visutility.registry.RegistryException;
import io.visutility.store.internal.DataSources;
import io.visutility.store.internal.Database;
import io.visutility.store.internal.Dialect;
import io.visutility.store.internal.JdbcJobQueue;
import io.visutility.store.internal.JdbcModelRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;

/**
 * A durable registry, job queue and artifact store: versions, aliases and jobs in SQLite or PostgreSQL
 * (schema migrated on open), artifacts in a directory. Close it to release its database connections.
 */
public final class Store implements AutoCloseable {
    private final DataSources.Pool pool;
    private final ModelRegistry registry;
    private final ArtifactStore artifacts;
    private final JobQueue jobs;

    private Store(DataSources.Pool pool, ModelRegistry registry, ArtifactStore artifacts, JobQueue jobs) {
        this.pool = pool;
        this.registry = registry;
        this.artifacts = artifacts;
        this.jobs = jobs;
    }

    /** Opens the store described by {@code config}, stamping times with the system clock. */
    public static Store open(StoreConfig config) {
        return open(config, Clock.systemUTC());
    }

    /** Opens the store described by {@code config}, migrating its schema, stamping times with {@code clock}. */
    public static Store open(StoreConfig config, Clock clock) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(clock, "clock");
        Dialect dialect = Dialect.of(config.jdbcUrl());
        DataSources.Pool pool = DataSources.open(config, dialect);
        try {
            Database database = new Database(pool.dataSource(), dialect);
            return new Store(pool, new JdbcModelRegistry(database, clock),
                    ArtifactStore.directory(config.artifactsDir()), new JdbcJobQueue(database, clock));
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    /** Opens (creating if missing) a SQLite store in {@code dataDir}: {@code visutility.db} and {@code artifacts/}. */
    public static Store sqlite(Path dataDir) {
        return sqlite(dataDir, Clock.systemUTC());
    }

    /** As {@link #sqlite(Path)}, stamping times with {@code clock}. */
    public static Store sqlite(Path dataDir, Clock clock) {
        Objects.requireNonNull(dataDir, "dataDir");
        Path artifactsDir = dataDir.resolve("artifacts");
        try {
            Files.createDirectories(artifactsDir);
        } catch (IOException e) {
            throw new RegistryException("cannot create the data directory " + dataDir + ": " + e, e);
        }
        String url = "jdbc:sqlite:" + dataDir.resolve("visutility.db").toAbsolutePath();
        return open(new StoreConfig(url, null, null, artifactsDir), clock);
    }

    /** Opens a PostgreSQL store at {@code jdbcUrl} (the PostgreSQL JDBC driver must be on the class path). */
    public static Store postgres(String jdbcUrl, String user, String password, Path artifactsDir) {
        return open(new StoreConfig(jdbcUrl, user, password, artifactsDir));
    }

    /** The registry of model versions and aliases. */
    public ModelRegistry registry() {
        return registry;
    }

    /** The content-addressed artifact directory. */
    public ArtifactStore artifacts() {
        return artifacts;
    }

    /** The queue of retrain jobs, shared with every other store open on the same database. */
    public JobQueue jobs() {
        return jobs;
    }

    /** Releases the database connections; the registry and the queue must not be used afterwards. */
    @Override
    public void close() {
        pool.close();
    }
}
