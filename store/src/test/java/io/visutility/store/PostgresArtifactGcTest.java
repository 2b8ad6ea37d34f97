package io.visutility.store;

import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.io.TempDir;

/** Artifact garbage collection on a PostgreSQL store, a fresh schema per test. */
class PostgresArtifactGcTest extends ArtifactGcContract {
    private static final PostgresServer server = PostgresServer.shared();

    @TempDir
    Path artifactsDir;

    @Override
    protected Store open(Clock clock) {
        return server.openFreshStore(artifactsDir, clock);
    }

    @Override
    protected Path artifactsDir() {
        return artifactsDir;
    }
}
