package io.visutility.store;

import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** Concurrent claims and a dead worker's job on PostgreSQL, two stores on one schema of the test's own. */
class PostgresJobQueueDurabilityTest extends JobQueueDurabilityContract {
    private static final PostgresServer server = PostgresServer.shared();

    @TempDir
    Path artifactsDir;
    private StoreConfig config;

    @BeforeEach
    void createSchema() {
        config = server.freshSchema(artifactsDir);
    }

    @Override
    protected Store open(Clock clock) {
        return Store.open(config, clock);
    }
}
