package io.visutility.store;

import io.visutility.contract.StudyStoreContract;
import io.visutility.retrain.StudyStore;
import io.visutility.testing.MutableClock;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The study store contract on SQLite, a fresh database file per test. */
class SqliteStudyStoreTest extends StudyStoreContract {
    @TempDir
    Path dataDir;
    private Store store;

    @Override
    protected StudyStore newStore(MutableClock clock) {
        store = Store.sqlite(dataDir, clock);
        return store.studies();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }
}
