package io.visutility.store;

import io.visutility.contract.CheckpointStoreContract;
import io.visutility.ingest.CheckpointStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** The checkpoint store contract on SQLite, a fresh database file per test. */
class SqliteCheckpointStoreTest extends CheckpointStoreContract {
    @TempDir
    Path dataDir;
    private Store store;

    @Override
    protected CheckpointStore newStore() {
        store = Store.sqlite(dataDir);
        return store.checkpoints();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }
}
