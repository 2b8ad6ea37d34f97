package io.visutility.store;

import io.visutility.jobs.JobQueue;
import io.visutility.event.EventLog;
import io.visutility.ingest.CheckpointStore;
import io.visutility.registry.ArtifactStore;
import io.visutility.registry.InvalidArgumentException;
import io.visutility.registry.ModelRegistry;
import io.visutility.registry.RegistryException;
import io.visutility.retrain.StudyStore;
import io.visutility.store.internal.ArtifactCollector;
import io.visutility.store.internal.ArtifactReferences;
import io.visutility.store.internal.DataSources;
import io.visutility.store.internal.Database;
import io.visutility.store.internal.Dialect;
import io.visutility.store.internal.JdbcJobQueue;
import io.visutility.store.internal.JdbcEventLog;
import io.visutility.store.internal.JdbcModelRegistry;
import io.visutility.store.internal.JdbcCheckpointStore;
import io.visutility.store.internal.JdbcStudyStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * A durable registry, job queue, event log and artifact store: versions, aliases, jobs and events in
 * SQLite or PostgreSQL (schema migrated on open), artifacts in a directory. Close it to release its database connections.
 */
public final class Store implements AutoCloseable {
    private final DataSources.Pool pool;
    private final ModelRegistry registry;
    private final ArtifactStore artifacts;
    private final JobQueue jobs;
    private final EventLog events;
    private final ArtifactCollector collector;
    private final StudyStore studies;
    private final CheckpointStore checkpoints;

    private Store(DataSources.Pool pool, ModelRegistry registry, ArtifactStore artifacts, JobQueue jobs,
                  EventLog events, ArtifactCollector collector, StudyStore studies, CheckpointStore checkpoints) {
        this.pool = pool;
        this.registry = registry;
        this.artifacts = artifacts;
        this.jobs = jobs;
        this.events = events;
        this.collector = collector;
        this.studies = studies;
        this.checkpoints = checkpoints;
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
            Database db = new Database(pool.dataSource(), dialect);
            ModelRegistry registry = new JdbcModelRegistry(db, clock);
            ArtifactStore artifacts = ArtifactStore.directory(config.artifactsDir(), clock);
            ArtifactCollector collector = new ArtifactCollector(new ArtifactReferences(db), artifacts, clock);
            return new Store(pool, registry, artifacts, new JdbcJobQueue(db, clock), new JdbcEventLog(db),
                    collector, new JdbcStudyStore(db, clock), new JdbcCheckpointStore(db, clock));
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

    /** Retrain studies, their trials and the promotion gate's decisions, in the same database. */
    public StudyStore studies() {
        return studies;
    }

    /** Stream consumers' checkpoints (offsets and the monitor state of their models), in the same database. */
    public CheckpointStore checkpoints() {
        return checkpoints;
    }

    /** The append-only log of monitor events, in the same database. */
    public EventLog events() {
        return events;
    }

    /**
     * Removes the artifacts that no registered version references and that were last stored more than
     * {@code minAge} ago, and what interrupted artifact writes left behind; referenced artifacts are
     * never removed, whatever their state. The grace period matters: a version row is committed only
     * after its artifact is in place, so a new unreferenced artifact may belong to a registration in
     * flight, in this process or another. Choose {@code minAge} longer than any registration takes
     * (minutes, not milliseconds); zero is only safe while nothing registers.
     *
     * @throws InvalidArgumentException when {@code minAge} is negative
     */
    public GcReport gc(Duration minAge) {
        return collector.collect(minAge);
    }

    /** Releases the database connections; the registry, queue and log must not be used afterwards. */
    @Override
    public void close() {
        pool.close();
    }
}
