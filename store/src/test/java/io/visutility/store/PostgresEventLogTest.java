package io.visutility.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.visutility.contract.EventLogContract;
import io.visutility.event.EventLog;
import io.visutility.event.LoggedEvent;
import io.visutility.store.internal.JdbcEventLog;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The event log contract on PostgreSQL, plus the commit order that keeps a following reader complete. */
class PostgresEventLogTest extends EventLogContract {
    private static final PostgresServer server = PostgresServer.shared();

    @TempDir
    Path artifactsDir;
    private StoreConfig config;
    private Store store;

    @Override
    protected EventLog newLog() {
        config = server.freshSchema(artifactsDir);
        store = Store.open(config);
        return store.events();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void anAppendWaitsForAnEarlierOneStillInItsTransactionSoNoReaderCanSkipIt() throws SQLException {
        ExecutorService other = Executors.newSingleThreadExecutor();
        try (Connection held = connect()) {
            held.setAutoCommit(false);
            long first = ((JdbcEventLog) log).appendIn(held, event(1));
            CompletableFuture<Long> second = CompletableFuture.supplyAsync(() -> log.append(event(2)), other);

            // Had the second taken a number of its own and committed, a reader would now hold position 2
            // and, resuming after it, never see position 1.
            await().atMost(Duration.ofSeconds(30)).until(this::anAppendWaitsOnALock);
            assertThat(second).isNotDone();
            assertThat(log.after(0, 10)).isEmpty();
            assertThat(log.lastPosition()).isZero();

            held.commit();
            long secondPosition = second.join();

            assertThat(secondPosition).isGreaterThan(first);
            assertThat(log.after(0, 10)).containsExactly(new LoggedEvent(first, event(1)),
                    new LoggedEvent(secondPosition, event(2)));
        } finally {
            other.shutdownNow();
        }
    }

    @Test
    void anAppendRolledBackLeavesNoEventAndNoGap() throws SQLException {
        try (Connection held = connect()) {
            held.setAutoCommit(false);
            ((JdbcEventLog) log).appendIn(held, event(1));
            held.rollback();
        }

        assertThat(log.append(event(2))).isEqualTo(1);
        assertThat(log.after(0, 10)).containsExactly(new LoggedEvent(1, event(2)));
    }

    private boolean anAppendWaitsOnALock() throws SQLException {
        try (Connection c = connect();
             PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM pg_stat_activity"
                     + " WHERE wait_event_type = 'Lock' AND query LIKE '%event_counter%' AND pid <> pg_backend_pid()");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() && rs.getInt(1) > 0;
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(config.jdbcUrl(), config.user(), config.password());
    }
}
