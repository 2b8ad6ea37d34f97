package io.visutility.registry;

import io.visutility.registry.internal.DirectoryArtifactStore;
import io.visutility.registry.internal.InMemoryArtifactStore;
import java.nio.file.Path;

/**
 * Content-addressed storage of model artifacts: bytes are stored under their real SHA-256, and every
 * read verifies the hash, so a version's checksum always names the bytes that serve.
 */
public interface ArtifactStore {

    /** A store in memory; contents are lost when the process ends. */
    static ArtifactStore inMemory() {
        return new InMemoryArtifactStore();
    }

    /**
     * A store in {@code directory}, one file per artifact named by its sha256, written atomically;
     * contents survive restarts and anyone can check them with {@code sha256sum}.
     */
    static ArtifactStore directory(Path directory) {
        return new DirectoryArtifactStore(directory);
    }

    /** Stores {@code bytes} (idempotent: the same bytes give the same reference). */
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
}
