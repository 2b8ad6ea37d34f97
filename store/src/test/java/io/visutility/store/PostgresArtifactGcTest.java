package io.visutility.store;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** Artifact garbage collection on a PostgreSQL store, a fresh schema per test. */
class PostgresArtifactGcTest extends ArtifactGcContract {
    private static PostgresServer server;

    @TempDir
    Path artifactsDir;

    @BeforeAll
    static void startServer() {
        server = PostgresServer.start();
    }

    @AfterAll
    static void stopServer() throws IOException {
        server.close();
    }

    @Override
    protected Store open(Clock clock) {
        return server.openFreshStore(artifactsDir, clock);
    }

    @Override
    protected Path artifactsDir() {
        return artifactsDir;
    }
}
