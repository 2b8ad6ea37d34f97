package io.visutility.registry;

/**
 * A stored artifact: its SHA-256 (also its address) and its size in bytes.
 *
 * @param sha256 lower-case hex SHA-256 of the bytes
 * @param size   number of bytes
 */
public record ArtifactRef(String sha256, long size) {

    /** Validates the checksum and size. */
    public ArtifactRef {
        Names.sha256(sha256);
        if (size < 0) {
            throw new InvalidArgumentException("size", "size must be >= 0, was " + size);
        }
    }
}
