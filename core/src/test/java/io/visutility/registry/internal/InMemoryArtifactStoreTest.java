package io.visutility.registry.internal;

import io.visutility.contract.ArtifactStoreContract;
import io.visutility.registry.ArtifactStore;
import java.time.Clock;

/** Runs the artifact store contract on the in-memory store, which keeps its bytes out of reach. */
class InMemoryArtifactStoreTest extends ArtifactStoreContract {

    @Override
    protected ArtifactStore newStore(Clock clock) {
        return ArtifactStore.inMemory(clock);
    }

    @Override
    protected boolean canCorrupt() {
        return false;
    }

    @Override
    protected void corrupt(ArtifactStore store, String sha256) {
        throw new UnsupportedOperationException("the in-memory store hands out no way to reach its bytes");
    }
}
