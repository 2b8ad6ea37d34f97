package io.visutility.store;

import io.visutility.contract.StudyStoreContract;
import io.visutility.retrain.StudyStore;
import io.visutility.testing.MutableClock;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The study store contract on PostgreSQL, a fresh schema per test. */
class PostgresStudyStoreTest extends StudyStoreContract {
    private static final PostgresServer server = PostgresServer.shared();

    @TempDir
    Path artifactsDir;
    private Store store;

    @Override
    protected StudyStore newStore(MutableClock clock) {
        store = Store.open(server.freshSchema(artifactsDir), clock);
        return store.studies();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }
}
