package io.visutility.store;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** Concurrent registrations and a reopen on PostgreSQL, in a schema of the test's own. */
class PostgresDurabilityTest extends ConcurrentDurabilityContract {
    private static final PostgresServer server = PostgresServer.shared();

    @TempDir
    Path artifactsDir;
    private StoreConfig config;

    @BeforeEach
    void createSchema() {
        config = server.freshSchema(artifactsDir);
    }

    @Override
    protected Store open() {
        return Store.open(config);
    }
}
