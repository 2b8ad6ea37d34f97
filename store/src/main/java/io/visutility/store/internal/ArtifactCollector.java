package io.visutility.store.internal;

import io.visutility.registry.ArtifactStore;
import io.visutility.registry.InvalidArgumentException;
import io.visutility.registry.StoredArtifact;
import io.visutility.store.GcReport;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Removes artifacts no version references once they are older than a grace period. References are read
 * before the artifacts are listed: a version committed later had its artifact put (or put again, which
 * restamps it) before it committed, so that artifact is younger than the cut-off unless its registration
 * took longer than the grace period.
 */
public final class ArtifactCollector {
    private final ArtifactReferences references;
    private final ArtifactStore artifacts;
    private final Clock clock;

    /** A collector of {@code artifacts} that spares what {@code references} name, timed by {@code clock}. */
    public ArtifactCollector(ArtifactReferences references, ArtifactStore artifacts, Clock clock) {
        this.references = Objects.requireNonNull(references, "references");
        this.artifacts = Objects.requireNonNull(artifacts, "artifacts");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Removes unreferenced artifacts last stored more than {@code minAge} ago, and stale leftovers. */
    public GcReport collect(Duration minAge) {
        Objects.requireNonNull(minAge, "minAge");
        if (minAge.isNegative()) {
            throw new InvalidArgumentException("minAge", "minAge must be >= 0, was " + minAge);
        }
        Instant cutoff = clock.instant().minus(minAge);
        Set<String> referenced = references.sha256s();
        int leftovers = artifacts.deleteLeftovers(cutoff);
        List<String> removed = new ArrayList<>();
        Set<String> stored = new HashSet<>();
        long bytesFreed = 0;
        int keptReferenced = 0;
        int keptYoung = 0;
        for (StoredArtifact artifact : artifacts.list()) {
            stored.add(artifact.sha256());
            if (referenced.contains(artifact.sha256())) {
                keptReferenced++;
            } else if (artifacts.delete(artifact.sha256(), cutoff)) {
                removed.add(artifact.sha256());
                bytesFreed += artifact.size();
            } else {
                // Stored within the grace period, or put again since it was listed.
                keptYoung++;
            }
        }
        List<String> missing = referenced.stream().filter(sha -> !stored.contains(sha)).sorted().toList();
        removed.sort(null);
        return new GcReport(removed, bytesFreed, keptReferenced, keptYoung, leftovers, missing);
    }
}
