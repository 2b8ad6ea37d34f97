package io.visutility.store;

import io.visutility.contract.ModelRegistryContract;
import io.visutility.registry.ModelRegistry;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The registry contract on SQLite, a fresh database file per test. */
class SqliteModelRegistryTest extends ModelRegistryContract {
    @TempDir
    Path dataDir;
    private Store store;

    @Override
    protected ModelRegistry newRegistry(Clock clock) {
        store = Store.sqlite(dataDir, clock);
        return store.registry();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }
}
