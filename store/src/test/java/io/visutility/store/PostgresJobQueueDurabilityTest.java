package io.visutility.store;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** Concurrent claims and a dead worker's job on PostgreSQL, two stores on one schema of the test's own. */
class PostgresJobQueueDurabilityTest extends JobQueueDurabilityContract {
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
    protected Store open(Clock clock) {
        return Store.open(config, clock);
    }
}
