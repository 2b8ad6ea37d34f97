package io.visutility.store;

import io.visutility.registry.ModelVersion;
import io.visutility.registry.NewModelVersion;
import io.visutility.registry.RegistryException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Checks a store that a process may have died writing: versions 1..n with no gap, every row whole and
 * exactly what the {@link CrashWorkload} registers, every artifact present and verified, nothing that was
 * reported lost, and at most the one in-flight version unreported or its artifact unclaimed.
 */
final class StoreConsistency {
    /** What a consistent store held. */
    record Snapshot(int versions, boolean inFlightCommitted, boolean inFlightArtifactOnly, int strayTempFiles) {
    }

    private StoreConsistency() {
    }

    /**
     * Checks {@code store}, whose artifacts are in {@code artifactsDir}, against the versions reported as
     * registered ({@code reported}: index to sha256); throws an AssertionError listing every problem.
     */
    static Snapshot check(Store store, Path artifactsDir, CrashWorkload workload, Map<Integer, String> reported) {
        List<String> problems = new ArrayList<>();
        List<ModelVersion> versions;
        try {
            versions = store.registry().models().contains(CrashWorkload.MODEL)
                    ? store.registry().versions(CrashWorkload.MODEL) : List.of();
        } catch (RegistryException e) {
            throw new AssertionError("the versions cannot be read back (a partial row?): " + e.getMessage(), e);
        }
        int n = versions.size();
        Set<String> claimed = new TreeSet<>();
        for (int i = 0; i < n; i++) {
            ModelVersion v = versions.get(i);
            claimed.add(v.sha256());
            if (v.version() != i + 1) {
                problems.add("version " + v.version() + " is at position " + (i + 1) + ": a gap or a duplicate");
                continue;
            }
            checkRow(store, workload, v, problems);
        }
        int lastReported = reported.keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
        reported.forEach((index, sha) -> {
            if (index > n) {
                problems.add("reported version " + index + " (" + sha + ") was lost: only " + n + " remain");
            } else if (!versions.get(index - 1).sha256().equals(sha)) {
                problems.add("reported version " + index + " had " + sha + ", the store has "
                        + versions.get(index - 1).sha256());
            }
        });
        for (int v = 1; v <= n; v++) {
            if (!reported.containsKey(v) && v != lastReported + 1) {
                problems.add("version " + v + " was never reported and is not the one in flight (after "
                        + lastReported + ")");
            }
        }
        if (n > 0 && store.registry().latest(CrashWorkload.MODEL).version() != n) {
            problems.add("latest is " + store.registry().latest(CrashWorkload.MODEL).version() + ", not " + n);
        }
        String inFlight = workload.sha256(n + 1);
        int temps = checkFolder(store, artifactsDir, claimed, inFlight, problems);
        if (!problems.isEmpty()) {
            throw new AssertionError(problems.size() + " inconsistencies with " + n + " versions, last reported "
                    + lastReported + ":\n  " + String.join("\n  ", problems));
        }
        return new Snapshot(n, n > lastReported, n == lastReported && Files.exists(artifactsDir.resolve(inFlight)),
                temps);
    }

    private static void checkRow(Store store, CrashWorkload workload, ModelVersion v, List<String> problems) {
        String expected = workload.sha256(v.version());
        if (!v.sha256().equals(expected)) {
            problems.add("version " + v.version() + " names artifact " + v.sha256() + ", not " + expected);
        }
        NewModelVersion request = workload.request(v.version(), expected);
        if (!v.params().equals(request.params()) || !v.metrics().equals(request.metrics())
                || !v.lineage().equals(request.lineage())) {
            problems.add("version " + v.version() + " is not the row its index registers: " + v);
        }
        try {
            store.artifacts().get(v.sha256());
        } catch (RegistryException e) {
            problems.add("version " + v.version() + ": " + e.getMessage());
        }
    }

    /** Every named file must verify, and only the in-flight artifact may be unclaimed; returns temp files. */
    private static int checkFolder(Store store, Path dir, Set<String> claimed, String inFlight,
                                   List<String> problems) {
        int temps = 0;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                if (name.startsWith(".incoming-")) {
                    temps++;
                    continue;
                }
                try {
                    store.artifacts().get(name);
                } catch (RuntimeException e) {
                    problems.add("artifact file " + name + ": " + e.getMessage());
                }
                if (!claimed.contains(name) && !name.equals(inFlight)) {
                    problems.add("artifact file " + name + " belongs to no version and is not the one in flight");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        return temps;
    }
}
