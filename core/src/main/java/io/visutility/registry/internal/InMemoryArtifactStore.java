package io.visutility.registry.internal;

import io.visutility.registry.ArtifactCorruptedException;
import io.visutility.registry.ArtifactRef;
import io.visutility.registry.ArtifactStore;
import io.visutility.registry.ModelNotFoundException;
import io.visutility.registry.Names;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Artifacts in a map keyed by their SHA-256; bytes are copied in and out. */
public final class InMemoryArtifactStore implements ArtifactStore {
    private final Map<String, byte[]> blobs = new ConcurrentHashMap<>();

    @Override
    public ArtifactRef put(byte[] bytes) {
        String sha = Sha256.hex(bytes);
        blobs.putIfAbsent(sha, bytes.clone());
        return new ArtifactRef(sha, bytes.length);
    }

    @Override
    public byte[] get(String sha256) {
        Names.sha256(sha256);
        byte[] bytes = blobs.get(sha256);
        if (bytes == null) {
            throw new ModelNotFoundException("no artifact with sha256 " + sha256);
        }
        if (!Sha256.hex(bytes).equals(sha256)) {
            throw new ArtifactCorruptedException("artifact " + sha256 + " is corrupted: its bytes hash differently");
        }
        return bytes.clone();
    }

    @Override
    public boolean contains(String sha256) {
        return blobs.containsKey(Names.sha256(sha256));
    }
}
