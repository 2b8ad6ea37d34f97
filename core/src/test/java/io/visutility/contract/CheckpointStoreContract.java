package io.visutility.contract;

import io.visutility.ingest.Checkpoint;
import io.visutility.ingest.CheckpointStore;
import io.visutility.ingest.InvalidRecordException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What every {@link CheckpointStore} adapter must do. */
public abstract class CheckpointStoreContract {
    private CheckpointStore store;

    /** A new, empty store. */
    protected abstract CheckpointStore newStore();

    @BeforeEach
    void open() {
        store = newStore();
    }

    private static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    @Test
    void nothingIsLoadedBeforeASave() {
        assertThat(store.load("g", "metrics", 0)).isEmpty();
    }

    @Test
    void aCheckpointRoundTripsWithItsSnapshots() {
        assertThat(store.save("g", "metrics", 3, 120, Map.of("a", bytes(1, 2), "b", bytes(3)))).isTrue();

        Checkpoint loaded = store.load("g", "metrics", 3).orElseThrow();

        assertThat(loaded.nextOffset()).isEqualTo(120);
        assertThat(loaded.snapshots()).containsOnlyKeys("a", "b");
        assertThat(loaded.snapshots().get("a")).containsExactly(1, 2);
        assertThat(store.load("g", "metrics", 4)).isEmpty();
        assertThat(store.load("other", "metrics", 3)).isEmpty();
    }

    @Test
    void aLaterSaveReplacesTheOffsetAndTheSnapshotsItNames() {
        store.save("g", "metrics", 0, 10, Map.of("a", bytes(1), "b", bytes(2)));
        store.save("g", "metrics", 0, 20, Map.of("a", bytes(9)));

        Checkpoint loaded = store.load("g", "metrics", 0).orElseThrow();

        assertThat(loaded.nextOffset()).isEqualTo(20);
        assertThat(loaded.snapshots().get("a")).containsExactly(9);
        assertThat(loaded.snapshots().get("b")).containsExactly(2);
    }

    @Test
    void aStaleSaveIsRefusedWithItsSnapshots() {
        store.save("g", "metrics", 0, 50, Map.of("a", bytes(5)));

        boolean saved = store.save("g", "metrics", 0, 40, Map.of("a", bytes(4), "c", bytes(4)));

        assertThat(saved).isFalse();
        Checkpoint loaded = store.load("g", "metrics", 0).orElseThrow();
        assertThat(loaded.nextOffset()).isEqualTo(50);
        assertThat(loaded.snapshots()).containsOnlyKeys("a");
        assertThat(loaded.snapshots().get("a")).containsExactly(5);
        assertThat(store.save("g", "metrics", 0, 50, Map.of())).as("the same offset again").isTrue();
    }

    @Test
    void aModelSavedUnderAnotherPartitionMovesThere() {
        store.save("g", "metrics", 0, 5, Map.of("a", bytes(1)));
        store.save("g", "metrics", 1, 7, Map.of("a", bytes(2)));

        assertThat(store.load("g", "metrics", 0).orElseThrow().snapshots()).isEmpty();
        assertThat(store.load("g", "metrics", 1).orElseThrow().snapshots().get("a")).containsExactly(2);
    }

    @Test
    void badArgumentsAreRefusedNamingTheField() {
        assertThatThrownBy(() -> store.save("", "metrics", 0, 1, Map.of()))
                .isInstanceOfSatisfying(InvalidRecordException.class, e -> assertThat(e.field()).isEqualTo("group"));
        assertThatThrownBy(() -> store.save("g", "metrics", -1, 1, Map.of()))
                .isInstanceOfSatisfying(InvalidRecordException.class, e -> assertThat(e.field()).isEqualTo("partition"));
        assertThatThrownBy(() -> store.save("g", "metrics", 0, -1, Map.of()))
                .isInstanceOfSatisfying(InvalidRecordException.class, e -> assertThat(e.field()).isEqualTo("nextOffset"));
        assertThatThrownBy(() -> store.save("g", null, 0, 1, Map.of()))
                .isInstanceOfSatisfying(InvalidRecordException.class, e -> assertThat(e.field()).isEqualTo("topic"));
        assertThat(store.load("g", "metrics", 0)).isEmpty();
    }

    @Test
    void concurrentSavesEndAtTheFurthestOffset() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Boolean>> saves = new ArrayList<>();
            for (int i = 1; i <= 40; i++) {
                long offset = i * 10L;
                saves.add(() -> store.save("g", "metrics", 0, offset, Map.of("a", bytes((int) (offset / 10)))));
            }
            for (Future<Boolean> f : pool.invokeAll(saves)) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }

        Checkpoint loaded = store.load("g", "metrics", 0).orElseThrow();
        assertThat(loaded.nextOffset()).isEqualTo(400);
        assertThat(loaded.snapshots().get("a")).containsExactly(40);
    }
}
