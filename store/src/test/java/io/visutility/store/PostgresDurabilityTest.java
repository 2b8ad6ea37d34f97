package io.visutility.store;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** Concurrent registrations and a reopen on PostgreSQL, in a schema of the test's own. */
class PostgresDurabilityTest extends ConcurrentDurabilityContract {
    private static PostgresServer server;

    @TempDir
    Path artifactsDir;
    private StoreConfig config;

    @BeforeAll
    static void startServer() {
        server = PostgresServer.start();
    }

    @AfterAll
    static void stopServer() throws IOException {
        server.close();
    }

    @BeforeEach
    void createSchema() {
        config = server.freshSchema(artifactsDir);
    }

    @Override
    protected Store open() {
        return Store.open(config);
    }
}
