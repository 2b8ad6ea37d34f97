package io.visutility.registry;

import java.time.Instant;
import java.util.Objects;

/**
 * An artifact as its store lists it, for garbage collection.
 *
 * @param sha256   lower-case hex SHA-256 under which it is stored
 * @param size     number of bytes stored
 * @param storedAt when it was last put: putting the same bytes again moves this forward
 */
public record StoredArtifact(String sha256, long size, Instant storedAt) {

    /** Validates the checksum, the size and the time. */
    public StoredArtifact {
        Names.sha256(sha256);
        if (size < 0) {
            throw new InvalidArgumentException("size", "size must be >= 0, was " + size);
        }
        Objects.requireNonNull(storedAt, "storedAt");
    }
}
