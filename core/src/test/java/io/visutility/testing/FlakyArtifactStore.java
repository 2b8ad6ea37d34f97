package io.visutility.testing;

import io.visutility.registry.ArtifactRef;
import io.visutility.registry.ArtifactStore;
import io.visutility.registry.RegistryException;
import io.visutility.registry.StoredArtifact;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** An in-memory artifact store whose next reads fail, as a store briefly out of reach would. */
public final class FlakyArtifactStore implements ArtifactStore {
    private final ArtifactStore delegate = ArtifactStore.inMemory();
    private final AtomicInteger failingReads;

    /** A store whose first {@code failingReads} reads throw {@link RegistryException}. */
    public FlakyArtifactStore(int failingReads) {
        this.failingReads = new AtomicInteger(failingReads);
    }

    @Override
    public ArtifactRef put(byte[] bytes) {
        return delegate.put(bytes);
    }

    @Override
    public byte[] get(String sha256) {
        if (failingReads.getAndDecrement() > 0) {
            throw new RegistryException("artifact store unavailable while reading " + sha256);
        }
        return delegate.get(sha256);
    }

    @Override
    public boolean contains(String sha256) {
        return delegate.contains(sha256);
    }

    @Override
    public List<StoredArtifact> list() {
        return delegate.list();
    }

    @Override
    public boolean delete(String sha256, Instant storedBefore) {
        return delegate.delete(sha256, storedBefore);
    }

    @Override
    public int deleteLeftovers(Instant startedBefore) {
        return delegate.deleteLeftovers(startedBefore);
    }
}
