package io.visutility.store;

import io.visutility.contract.JobQueueContract;
import io.visutility.jobs.JobQueue;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The job queue contract on PostgreSQL: the shared test server, a fresh schema per test. */
class PostgresJobQueueTest extends JobQueueContract {
    private static final PostgresServer server = PostgresServer.shared();

    @TempDir
    Path artifactsDir;
    private Store store;

    @Override
    protected JobQueue newQueue(Clock clock) {
        store = server.openFreshStore(artifactsDir, clock);
        return store.jobs();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }
}
