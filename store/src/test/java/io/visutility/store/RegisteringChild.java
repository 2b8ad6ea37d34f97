package io.visutility.store;

import io.visutility.registry.ArtifactRef;
import io.visutility.registry.ModelVersion;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The process a crash test kills: opens a store and registers the versions of a {@link CrashWorkload}
 * until it is killed, reporting each step on its own flushed line of standard output.
 *
 * <p>Arguments: {@code <seed> sqlite <dataDir>} or {@code <seed> postgres <jdbcUrl> <user> <artifactsDir>},
 * with the PostgreSQL password in the environment variable {@value #PASSWORD_ENV}. It resumes by
 * registering the latest version's index again: its idempotency key must hand back the same version.
 */
public final class RegisteringChild {
    static final String PASSWORD_ENV = "VISUTILITY_CRASH_PG_PASSWORD";
    /** A bound in case the parent dies without killing it. */
    private static final int MAX_PER_RUN = 1_000;

    private RegisteringChild() {
    }

    /** Registers versions until killed, or until standard output is gone. */
    public static void main(String[] args) {
        CrashWorkload workload = new CrashWorkload(Long.parseLong(args[0]));
        say("opening");
        try (Store store = open(args)) {
            int latest = store.registry().models().contains(CrashWorkload.MODEL)
                    ? store.registry().latest(CrashWorkload.MODEL).version() : 0;
            int first = Math.max(1, latest);
            say("ready " + first);
            for (int index = first; index < first + MAX_PER_RUN; index++) {
                say("begin " + index);
                ArtifactRef ref = store.artifacts().put(workload.artifact(index));
                say("stored " + index);
                ModelVersion version = store.registry().register(workload.request(index, ref.sha256()));
                if (!say("registered " + index + " " + version.version() + " " + version.sha256())) {
                    return;
                }
            }
        }
    }

    private static Store open(String[] args) {
        return switch (args[1]) {
            case "sqlite" -> Store.sqlite(Path.of(args[2]), Clock.systemUTC());
            case "postgres" -> Store.open(new StoreConfig(args[2], blankToNull(args[3]),
                    blankToNull(System.getenv(PASSWORD_ENV)), Path.of(args[4])), Clock.systemUTC());
            default -> throw new IllegalArgumentException("backend must be sqlite or postgres, was " + args[1]);
        };
    }

    private static String blankToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    /** Prints and flushes {@code line}; false once nobody reads standard output any more. */
    private static boolean say(String line) {
        System.out.println(line);
        System.out.flush();
        return !System.out.checkError();
    }
}
