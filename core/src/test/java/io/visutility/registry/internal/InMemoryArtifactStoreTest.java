package io.visutility.registry.internal;

import io.visutility.contract.ArtifactStoreContract;
import io.visutility.registry.ArtifactStore;
import java.time.Clock;

/** Runs the artifact store contract on the in-memory store, damaged by flipping bits of its stored array. */
class InMemoryArtifactStoreTest extends ArtifactStoreContract {

    @Override
    protected ArtifactStore newStore(Clock clock) {
        return ArtifactStore.inMemory(clock);
    }

    @Override
    protected void corrupt(ArtifactStore store, String sha256) {
        ((InMemoryArtifactStore) store).storedBytes(sha256)[0] ^= 0x5A;
    }
}
