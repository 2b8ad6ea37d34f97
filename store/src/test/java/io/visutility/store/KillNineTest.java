package io.visutility.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.visutility.registry.ArtifactRef;
import io.visutility.registry.ModelVersion;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process killed with SIGKILL in the middle of registering leaves the whole version or nothing: a
 * child JVM registers versions in a loop and is killed at seeded moments (while opening the store,
 * while writing an artifact, inside the transaction, between versions), and after every kill a fresh
 * store finds its database and artifact folder consistent and goes on numbering without a gap.
 */
class KillNineTest {
    private static final int SQLITE_KILLS = 24;
    /** Fewer than on SQLite only to keep the suite short: each kill costs a JVM start. */
    private static final int POSTGRES_KILLS = 20;
    /** Override with {@code -Dvisutility.crash.seed=...} to explore other kill points. */
    private static final long SEED = Long.getLong("visutility.crash.seed", 20_260_611L);
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    /** How the child and the checks reach one store: the child's arguments and environment, and an opener. */
    private record Backend(String name, List<String> args, Map<String, String> env, Supplier<Store> open,
                           Path artifacts) {
    }

    @Test
    void sqliteKeepsWholeVersionsOrNothingAcrossTwentyFourKills() {
        Path dataDir = dir.resolve("data");
        survive(SQLITE_KILLS, new Backend("sqlite", List.of("sqlite", dataDir.toString()), Map.of(),
                () -> Store.sqlite(dataDir), dataDir.resolve("artifacts")));
    }

    @Test
    void postgresKeepsWholeVersionsOrNothingAcrossTwentyKills() throws IOException {
        try (PostgresServer server = PostgresServer.start()) {
            Path artifacts = dir.resolve("artifacts");
            StoreConfig config = server.freshSchema(artifacts);
            List<String> args = List.of("postgres", config.jdbcUrl(), Objects.toString(config.user(), ""),
                    artifacts.toString());
            survive(POSTGRES_KILLS, new Backend("postgres", args,
                    Map.of(RegisteringChild.PASSWORD_ENV, Objects.toString(config.password(), "")),
                    () -> Store.open(config), artifacts));
        }
    }

    private void survive(int kills, Backend backend) {
        CrashWorkload workload = new CrashWorkload(SEED);
        SplittableRandom plans = new SplittableRandom(SEED);
        Map<Integer, String> reported = new TreeMap<>();
        Map<String, Integer> outcomes = new TreeMap<>();
        int temps = 0;
        for (int round = 1; round <= kills; round++) {
            KillPlan plan = KillPlan.random(plans);
            String context = "seed " + SEED + " (-Dvisutility.crash.seed), kill " + round + " " + plan;
            List<String> args = new ArrayList<>(List.of(Long.toString(SEED)));
            args.addAll(backend.args());
            Set<Path> stray = ChildRun.incoming(backend.artifacts());
            try (ChildRun child = ChildRun.start(args, backend.env(), dir.resolve("child-" + round + ".err"))) {
                plan.await(child, backend.artifacts(), stray, PATIENCE);
                child.kill(PATIENCE);
                child.registered().forEach((index, sha) -> {
                    String before = reported.put(index, sha);
                    assertThat(before).as("%s: index %d reported with two checksums", context, index)
                            .isIn(null, sha);
                });
            } catch (AssertionError e) {
                throw new AssertionError(context + ": " + e.getMessage(), e);
            }
            try (Store store = backend.open().get()) {
                StoreConsistency.Snapshot snapshot;
                try {
                    snapshot = StoreConsistency.check(store, backend.artifacts(), workload, reported);
                } catch (AssertionError e) {
                    throw new AssertionError(context + ": " + e.getMessage(), e);
                }
                outcomes.merge(plan.moment() + "->" + outcome(snapshot, snapshot.strayTempFiles() > temps), 1,
                        Integer::sum);
                temps = snapshot.strayTempFiles();
                extend(store, workload, snapshot.versions(), reported, context);
            }
        }
        System.out.printf("%s: %d kills, seed %d, %d versions; where the kills landed: %s%n", backend.name(),
                kills, SEED, reported.size(), outcomes);
    }

    /** Retries the last index (its key must give back its version), then registers one more after it. */
    private static void extend(Store store, CrashWorkload workload, int n, Map<Integer, String> reported,
                               String context) {
        if (n > 0) {
            ModelVersion again = store.registry().register(workload.request(n, workload.sha256(n)));
            assertThat(again.version()).as("%s: the key of index %d, registered again", context, n).isEqualTo(n);
            // Now reported even if the child died between committing it and saying so.
            reported.put(n, again.sha256());
        }
        ArtifactRef ref = store.artifacts().put(workload.artifact(n + 1));
        ModelVersion next = store.registry().register(workload.request(n + 1, ref.sha256()));
        assertThat(next.version()).as("%s: the version after %d", context, n).isEqualTo(n + 1);
        assertThat(store.registry().versions(CrashWorkload.MODEL)).as(context).hasSize(n + 1);
        reported.put(n + 1, next.sha256());
    }

    private static String outcome(StoreConsistency.Snapshot snapshot, boolean newTempFile) {
        String inFlight = snapshot.inFlightCommitted() ? "committed-unreported"
                : snapshot.inFlightArtifactOnly() ? "artifact-only" : "nothing-in-flight";
        return newTempFile ? inFlight + "+partial-write" : inFlight;
    }
}
