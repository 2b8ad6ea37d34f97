package io.visutility.kafka.internal;

import java.util.concurrent.atomic.LongAdder;

/** What a source has done so far; read from any thread. */
public final class SourceCounters {
    private final LongAdder applied = new LongAdder();
    private final LongAdder deadLettered = new LongAdder();
    private final LongAdder duplicates = new LongAdder();
    private final LongAdder retries = new LongAdder();

    void applied(int records) {
        applied.add(records);
    }

    void deadLettered(int records) {
        deadLettered.add(records);
    }

    void duplicate() {
        duplicates.increment();
    }

    void retry() {
        retries.increment();
    }

    /** Records whose reports the sink accepted. */
    public long applied() {
        return applied.sum();
    }

    /** Records sent to the dead-letter topic. */
    public long deadLettered() {
        return deadLettered.sum();
    }

    /** Records delivered again and skipped because the ledger had them. */
    public long duplicates() {
        return duplicates.sum();
    }

    /** Polls given up after a sink or dead-letter failure and read again. */
    public long retries() {
        return retries.sum();
    }
}
