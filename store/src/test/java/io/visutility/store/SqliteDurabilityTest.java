package io.visutility.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** Concurrent registrations and a reopen on SQLite. */
class SqliteDurabilityTest extends ConcurrentDurabilityContract {
    @TempDir
    Path dataDir;

    @Override
    protected Store open() {
        return Store.sqlite(dataDir);
    }
}
