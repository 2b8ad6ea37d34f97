package io.visutility.store;

import io.visutility.contract.JobQueueContract;
import io.visutility.jobs.JobQueue;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The job queue contract on PostgreSQL: one server per class, a fresh schema per test. */
class PostgresJobQueueTest extends JobQueueContract {
    private static PostgresServer server;

    @TempDir
    Path artifactsDir;
    private Store store;

    @BeforeAll
    static void startServer() {
        server = PostgresServer.start();
    }

    @AfterAll
    static void stopServer() throws IOException {
        server.close();
    }

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
