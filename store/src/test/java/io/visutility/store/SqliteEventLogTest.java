package io.visutility.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.visutility.contract.Concurrently;
import io.visutility.contract.EventLogContract;
import io.visutility.event.EventLog;
import io.visutility.event.LoggedEvent;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The event log contract on SQLite, plus a reopen and two stores sharing one database file. */
class SqliteEventLogTest extends EventLogContract {
    @TempDir
    Path dataDir;
    private Store store;

    @Override
    protected EventLog newLog() {
        store = Store.sqlite(dataDir);
        return store.events();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void aReopenedStoreReadsTheSameLogAndContinuesAfterItsLastPosition() {
        IntStream.range(0, 30).forEach(n -> log.append(event(n)));
        List<LoggedEvent> before = readAll(log, 7);
        store.close();

        store = Store.sqlite(dataDir);
        EventLog reopened = store.events();

        assertThat(readAll(reopened, 1_000)).containsExactlyElementsOf(before);
        assertThat(reopened.lastPosition()).isEqualTo(before.get(29).position());
        assertThat(reopened.append(event(3))).as("a retry after the restart").isEqualTo(before.get(3).position());
        assertThat(reopened.append(event(30))).isGreaterThan(before.get(29).position());
    }

    @Test
    void twoStoresOnOneDatabaseHandOutEachPositionOnce() {
        // Two stores stand in for two processes: only SQLite's own locking orders their appends.
        try (Store other = Store.sqlite(dataDir)) {
            List<EventLog> logs = List.of(log, other.events());
            List<List<Long>> positions = Concurrently.run(4, thread -> IntStream.range(0, 100)
                    .mapToObj(i -> logs.get(thread % 2).append(event(thread * 100 + i))).toList());

            List<Long> all = positions.stream().flatMap(List::stream).sorted().toList();
            assertThat(all).doesNotHaveDuplicates().hasSize(400);
            assertThat(readAll(log, 1_000)).extracting(LoggedEvent::position).containsExactlyElementsOf(all);
        }
    }
}
