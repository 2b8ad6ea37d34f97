package io.visutility.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A PostgreSQL server for tests: the one named by {@code VISUTILITY_TEST_PG_URL} (with
 * {@code VISUTILITY_TEST_PG_USER} and {@code VISUTILITY_TEST_PG_PASSWORD}) if set, otherwise an embedded
 * one. Never skipped: a server that cannot start fails the tests.
 */
public final class PostgresServer implements AutoCloseable {
    private static final AtomicInteger SCHEMAS = new AtomicInteger();
    private static PostgresServer shared;

    private final EmbeddedPostgres embedded;
    private final String url;
    private final String user;
    private final String password;

    private PostgresServer(EmbeddedPostgres embedded, String url, String user, String password) {
        this.embedded = embedded;
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /**
     * One server for all test classes of this JVM (each test works in a schema of its own), started on
     * first use and stopped when the JVM exits: a start costs seconds, a schema milliseconds.
     */
    public static synchronized PostgresServer shared() {
        if (shared == null) {
            PostgresServer server = start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, "stop-test-postgres"));
            shared = server;
        }
        return shared;
    }

    /** A server of the caller's own, for tests that need one to themselves; the caller closes it. */
    public static PostgresServer start() {
        String external = System.getenv("VISUTILITY_TEST_PG_URL");
        if (external != null && !external.isBlank()) {
            return new PostgresServer(null, external, System.getenv("VISUTILITY_TEST_PG_USER"),
                    System.getenv("VISUTILITY_TEST_PG_PASSWORD"));
        }
        try {
            // A throwaway server: durability against power loss buys the tests nothing but time.
            EmbeddedPostgres pg = EmbeddedPostgres.builder().setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off").setServerConfig("full_page_writes", "off")
                    .start();
            return new PostgresServer(pg, pg.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start", e);
        }
    }

    /** Opens a store in a new, empty schema of its own, so tests never see each other's rows. */
    public Store openFreshStore(Path artifactsDir, Clock clock) {
        return Store.open(freshSchema(artifactsDir), clock);
    }

    /** The configuration of a store in a new, empty schema of its own. */
    public StoreConfig freshSchema(Path artifactsDir) {
        String schema = "test_" + ProcessHandle.current().pid() + "_" + SCHEMAS.incrementAndGet();
        try (Connection c = DriverManager.getConnection(url, user, password);
             Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create schema " + schema + " at " + url, e);
        }
        String schemaUrl = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        return new StoreConfig(schemaUrl, user, password, artifactsDir);
    }

    @Override
    public void close() throws IOException {
        if (embedded != null) {
            embedded.close();
        }
    }
}
