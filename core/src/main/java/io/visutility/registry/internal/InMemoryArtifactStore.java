package io.visutility.registry.internal;

import io.visutility.registry.ArtifactCorruptedException;
import io.visutility.registry.ArtifactRef;
import io.visutility.registry.ArtifactStore;
import io.visutility.registry.ModelNotFoundException;
import io.visutility.registry.Names;
import io.visutility.registry.StoredArtifact;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/** Artifacts in a map keyed by their SHA-256; bytes are copied in and out. */
public final class InMemoryArtifactStore implements ArtifactStore {
    private final Map<String, Blob> blobs = new ConcurrentHashMap<>();
    private final Clock clock;

    private record Blob(byte[] bytes, Instant storedAt) {
    }

    /** An empty store stamping each put with {@code clock}. */
    public InMemoryArtifactStore(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public ArtifactRef put(byte[] bytes) {
        String sha = Sha256.hex(bytes);
        blobs.compute(sha, (key, stored) -> new Blob(stored == null ? bytes.clone() : stored.bytes(), clock.instant()));
        return new ArtifactRef(sha, bytes.length);
    }

    @Override
    public byte[] get(String sha256) {
        Names.sha256(sha256);
        Blob blob = blobs.get(sha256);
        if (blob == null) {
            throw new ModelNotFoundException("no artifact with sha256 " + sha256);
        }
        if (!Sha256.hex(blob.bytes()).equals(sha256)) {
            throw new ArtifactCorruptedException("artifact " + sha256 + " is corrupted: its bytes hash differently");
        }
        return blob.bytes().clone();
    }

    /** The stored array itself, not a copy: lets this package's tests damage it as a memory fault would. */
    byte[] storedBytes(String sha256) {
        return blobs.get(sha256).bytes();
    }

    @Override
    public boolean contains(String sha256) {
        return blobs.containsKey(Names.sha256(sha256));
    }

    @Override
    public List<StoredArtifact> list() {
        return blobs.entrySet().stream()
                .map(e -> new StoredArtifact(e.getKey(), e.getValue().bytes().length, e.getValue().storedAt()))
                .toList();
    }

    @Override
    public boolean delete(String sha256, Instant storedBefore) {
        Names.sha256(sha256);
        Objects.requireNonNull(storedBefore, "storedBefore");
        boolean[] removed = {false};
        // One atomic step per key, so a put of the same bytes comes entirely before or after it.
        blobs.computeIfPresent(sha256, (key, blob) -> {
            removed[0] = blob.storedAt().isBefore(storedBefore);
            return removed[0] ? null : blob;
        });
        return removed[0];
    }

    @Override
    public int deleteLeftovers(Instant startedBefore) {
        Objects.requireNonNull(startedBefore, "startedBefore");
        // A put here is one map operation: an interrupted one leaves nothing behind.
        return 0;
    }
}
