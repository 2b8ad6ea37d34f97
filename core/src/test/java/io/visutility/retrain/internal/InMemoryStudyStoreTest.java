package io.visutility.retrain.internal;

import io.visutility.contract.StudyStoreContract;
import io.visutility.retrain.StudyStore;
import io.visutility.testing.MutableClock;

/** Runs the study store contract on the in-memory store. */
class InMemoryStudyStoreTest extends StudyStoreContract {

    @Override
    protected StudyStore newStore(MutableClock clock) {
        return StudyStore.inMemory(clock);
    }
}
