package io.visutility.kafka;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What every {@link OffsetLedger} must do; each implementation runs it through a subclass. */
public abstract class OffsetLedgerContractTest {
    private static final TopicPartition P0 = new TopicPartition("metrics", 0);
    private static final TopicPartition P1 = new TopicPartition("metrics", 1);

    private OffsetLedger ledger;

    /** A new, empty ledger. */
    protected abstract OffsetLedger newLedger();

    @BeforeEach
    void create() {
        ledger = newLedger();
    }

    @Test
    void anUnknownKeyHasNoAppliedOffset() {
        assertThat(ledger.lastApplied(P0, "model-a")).isEqualTo(-1);
        assertThat(ledger.snapshot(P0)).isEmpty();
    }

    @Test
    void offsetsAreKeptPerPartitionAndKeyAndOnlyMoveForward() {
        ledger.applied(P0, "model-a", 7);
        ledger.applied(P0, "model-a", 3);
        ledger.applied(P0, "model-b", 4);
        ledger.applied(P1, "model-a", 1);

        assertThat(ledger.lastApplied(P0, "model-a")).isEqualTo(7);
        assertThat(ledger.snapshot(P0)).isEqualTo(Map.of("model-a", 7L, "model-b", 4L));
        assertThat(ledger.snapshot(P1)).isEqualTo(Map.of("model-a", 1L));
    }

    @Test
    void aCommitDropsOnlyTheEntriesBelowItInItsPartition() {
        ledger.applied(P0, "model-a", 7);
        ledger.applied(P0, "model-b", 4);
        ledger.applied(P1, "model-b", 2);

        ledger.committed(P0, 5);

        assertThat(ledger.snapshot(P0)).isEqualTo(Map.of("model-a", 7L));
        assertThat(ledger.snapshot(P1)).isEqualTo(Map.of("model-b", 2L));
        ledger.committed(P0, 8);
        assertThat(ledger.snapshot(P0)).isEmpty();
    }

    @Test
    void forgettingAPartitionLeavesTheOthers() {
        ledger.applied(P0, "model-a", 7);
        ledger.applied(P1, "model-a", 2);

        ledger.forget(P0);

        assertThat(ledger.lastApplied(P0, "model-a")).isEqualTo(-1);
        assertThat(ledger.lastApplied(P1, "model-a")).isEqualTo(2);
    }

    @Test
    void aNegativeOffsetIsRefusedWithTheValue() {
        assertThatThrownBy(() -> ledger.applied(P0, "model-a", -2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-2");
    }

    @Test
    void writersOnSeveralThreadsKeepTheHighestOffset() throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        for (int t = 0; t < 4; t++) {
            int thread = t;
            pool.execute(() -> {
                for (int i = 0; i < 1_000; i++) {
                    ledger.applied(P0, "model-a", i * 4L + thread);
                }
            });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        assertThat(ledger.lastApplied(P0, "model-a")).isEqualTo(3_999);
    }
}
