package io.visutility.store;

import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.io.TempDir;

/** Concurrent claims and a dead worker's job on SQLite, two stores on one database file. */
class SqliteJobQueueDurabilityTest extends JobQueueDurabilityContract {
    @TempDir
    Path dataDir;

    @Override
    protected Store open(Clock clock) {
        return Store.sqlite(dataDir, clock);
    }
}
