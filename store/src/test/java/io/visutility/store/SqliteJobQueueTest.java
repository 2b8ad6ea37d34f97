package io.visutility.store;

import io.visutility.contract.JobQueueContract;
import io.visutility.jobs.JobQueue;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The job queue contract on SQLite, a fresh database file per test. */
class SqliteJobQueueTest extends JobQueueContract {
    @TempDir
    Path dataDir;
    private Store store;

    @Override
    protected JobQueue newQueue(Clock clock) {
        store = Store.sqlite(dataDir, clock);
        return store.jobs();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }
}
