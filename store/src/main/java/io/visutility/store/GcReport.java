package io.visutility.store;

import java.util.List;
import java.util.Objects;

/**
 * What one {@link Store#gc} did.
 *
 * @param removed        sha256s of the unreferenced artifacts removed, sorted
 * @param bytesFreed     their total size in bytes
 * @param keptReferenced artifacts kept because a version references them
 * @param keptYoung      unreferenced artifacts kept because they were stored within the grace period
 * @param leftovers      files of interrupted artifact writes removed
 * @param missing        sha256s that versions reference but the artifact store lacks, sorted: those
 *                       versions cannot be loaded, and gc cannot bring them back
 */
public record GcReport(List<String> removed, long bytesFreed, int keptReferenced, int keptYoung, int leftovers,
                       List<String> missing) {

    /** Copies the lists. */
    public GcReport {
        removed = List.copyOf(Objects.requireNonNull(removed, "removed"));
        missing = List.copyOf(Objects.requireNonNull(missing, "missing"));
    }
}
