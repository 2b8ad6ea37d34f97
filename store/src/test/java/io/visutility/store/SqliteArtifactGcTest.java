package io.visutility.store;

import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.io.TempDir;

/** Artifact garbage collection on a SQLite store. */
class SqliteArtifactGcTest extends ArtifactGcContract {
    @TempDir
    Path dataDir;

    @Override
    protected Store open(Clock clock) {
        return Store.sqlite(dataDir, clock);
    }

    @Override
    protected Path artifactsDir() {
        return dataDir.resolve("artifacts");
    }
}
