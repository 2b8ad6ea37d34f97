package io.visutility.store;

import io.visutility.contract.ModelRegistryContract;
import io.visutility.registry.ModelRegistry;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The registry contract on PostgreSQL: the shared test server, a fresh schema per test. */
class PostgresModelRegistryTest extends ModelRegistryContract {
    private static final PostgresServer server = PostgresServer.shared();

    @TempDir
    Path artifactsDir;
    private Store store;

    @Override
    protected ModelRegistry newRegistry(Clock clock) {
        store = server.openFreshStore(artifactsDir, clock);
        return store.registry();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }
}
