package io.visutility.bench;

import io.visutility.store.StoreConfig;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A fresh, empty database for one benchmark trial: a SQLite file in a temporary folder, or a PostgreSQL
 * server of its own (embedded, default durable settings). Closing it stops the server and deletes the
 * files.
 */
final class BenchDatabase implements AutoCloseable {
    static final String SQLITE = "sqlite";
    static final String POSTGRESQL = "postgresql";

    private final Path dir;
    private final EmbeddedPostgres postgres;
    private final StoreConfig config;

    private BenchDatabase(Path dir, EmbeddedPostgres postgres, StoreConfig config) {
        this.dir = dir;
        this.postgres = postgres;
        this.config = config;
    }

    /** Creates an empty database of {@code kind}, {@value #SQLITE} or {@value #POSTGRESQL}. */
    static BenchDatabase start(String kind) {
        if (!SQLITE.equals(kind) && !POSTGRESQL.equals(kind)) {
            throw new IllegalArgumentException("db must be " + SQLITE + " or " + POSTGRESQL + ", was " + kind);
        }
        try {
            Path dir = Files.createTempDirectory("visutility-bench-");
            Path artifacts = Files.createDirectories(dir.resolve("artifacts"));
            if (SQLITE.equals(kind)) {
                String url = "jdbc:sqlite:" + dir.resolve("visutility.db").toAbsolutePath();
                return new BenchDatabase(dir, null, new StoreConfig(url, null, null, artifacts));
            }
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
            StoreConfig config = new StoreConfig(postgres.getJdbcUrl("postgres", "postgres"), "postgres",
                    "postgres", artifacts);
            return new BenchDatabase(dir, postgres, config);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a " + kind + " database for the benchmark", e);
        }
    }

    /** Where a store or the baseline finds this database. */
    StoreConfig config() {
        return config;
    }

    /** A plain connection outside any pool, for set-up and checks. */
    Connection connect() throws SQLException {
        return DriverManager.getConnection(config.jdbcUrl(), config.user(), config.password());
    }

    @Override
    public void close() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
