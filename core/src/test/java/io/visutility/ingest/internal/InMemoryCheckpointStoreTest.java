package io.visutility.ingest.internal;

import io.visutility.contract.CheckpointStoreContract;
import io.visutility.ingest.CheckpointStore;

/** The checkpoint store contract in memory. */
class InMemoryCheckpointStoreTest extends CheckpointStoreContract {
    @Override
    protected CheckpointStore newStore() {
        return CheckpointStore.inMemory();
    }
}
