package io.visutility.registry;

import io.visutility.registry.internal.DirectoryArtifactStore;
import io.visutility.registry.internal.InMemoryArtifactStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Content-addressed storage of model artifacts: bytes are stored under their real SHA-256, and every
 * read verifies the hash, so a version's checksum always names the bytes that serve.
 */
public interface ArtifactStore {

    /** A store in memory; contents are lost when the process ends. */
    static ArtifactStore inMemory() {
        return inMemory(Clock.systemUTC());
    }

    /** A store in memory that stamps each put with {@code clock}. */
    static ArtifactStore inMemory(Clock clock) {
        return new InMemoryArtifactStore(clock);
    }

    /**
     * A store in {@code directory}, one file per artifact named by its sha256, written atomically;
     * contents survive restarts and anyone can check them with {@code sha256sum}.
     */
    static ArtifactStore directory(Path directory) {
        return directory(directory, Clock.systemUTC());
    }

    /** As {@link #directory(Path)}, stamping each put (the file's last-modified time) with {@code clock}. */
    static ArtifactStore directory(Path directory, Clock clock) {
        return new DirectoryArtifactStore(directory, clock);
    }

    /**
     * Stores {@code bytes} (idempotent: the same bytes give the same reference). Putting bytes already
     * stored stamps them as stored now, so a collector spares them as it spares a new artifact.
     */
    ArtifactRef put(byte[] bytes);

    /**
     * The bytes stored under {@code sha256}, verified.
     *
     * @throws ModelNotFoundException      when nothing is stored under it
     * @throws ArtifactCorruptedException when the stored bytes no longer match it
     */
    byte[] get(String sha256);

    /** Whether an artifact is stored under {@code sha256}. */
    boolean contains(String sha256);

    /** Every stored artifact with its size and the time it was last put, in no particular order. */
    List<StoredArtifact> list();

    /**
     * Removes the artifact stored under {@code sha256} if it was last put before {@code storedBefore};
     * one put since then keeps it. Checked and removed in one step with respect to puts of this store.
     *
     * @return whether it was removed; false when nothing is stored under it or it was put too recently
     */
    boolean delete(String sha256, Instant storedBefore);

    /**
     * Removes what puts started before {@code startedBefore} left behind when they were interrupted (a
     * crash mid-write), never a stored artifact.
     *
     * @return how many leftovers were removed
     */
    int deleteLeftovers(Instant startedBefore);
}
