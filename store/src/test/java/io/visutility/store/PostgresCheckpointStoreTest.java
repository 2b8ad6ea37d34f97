package io.visutility.store;

import io.visutility.contract.CheckpointStoreContract;
import io.visutility.ingest.CheckpointStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;

/** The checkpoint store contract on PostgreSQL, a fresh schema per test. */
class PostgresCheckpointStoreTest extends CheckpointStoreContract {
    private static final PostgresServer server = PostgresServer.shared();

    @TempDir
    Path artifactsDir;
    private Store store;

    @Override
    protected CheckpointStore newStore() {
        store = server.openFreshStore(artifactsDir, Clock.systemUTC());
        return store.checkpoints();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }
}
