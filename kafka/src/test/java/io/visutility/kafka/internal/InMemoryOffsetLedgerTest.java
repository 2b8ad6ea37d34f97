package io.visutility.kafka.internal;

import io.visutility.kafka.OffsetLedger;
import io.visutility.kafka.OffsetLedgerContractTest;

class InMemoryOffsetLedgerTest extends OffsetLedgerContractTest {
    @Override
    protected OffsetLedger newLedger() {
        return OffsetLedger.inMemory();
    }
}
