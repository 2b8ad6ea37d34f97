package io.visutility.store;

import io.visutility.contract.ModelRegistryContract;
import io.visutility.registry.ModelRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The registry contract on PostgreSQL: one server per class, a fresh schema per test. */
class PostgresModelRegistryTest extends ModelRegistryContract {
    private static PostgresServer server;

    @TempDir
    Path artifactsDir;
    private Store store;

    @BeforeAll
    static void startServer() {
        server = PostgresServer.start();
    }

    @AfterAll
    static void stopServer() throws IOException {
        server.close();
    }

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
