package io.visutility.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.visutility.contract.Concurrently;
import io.visutility.registry.InvalidArgumentException;
import io.visutility.registry.NewModelVersion;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The baseline registry numbers versions 1, 2, 3 ... and retries, bounded, when another writer wins. */
class NaiveMaxPlusOneRegistryTest {

    @Test
    void oneWriterGetsOneTwoThreeWithoutConflicts() throws IOException {
        try (BenchDatabase db = BenchDatabase.start(BenchDatabase.SQLITE);
             NaiveMaxPlusOneRegistry naive = NaiveMaxPlusOneRegistry.open(db.config(), Clock.systemUTC())) {
            Payloads payloads = new Payloads(1);
            List<NaiveMaxPlusOneRegistry.Registered> registered = IntStream.range(0, 3)
                    .mapToObj(i -> naive.register(payloads.next())).toList();

            assertThat(registered).containsExactly(new NaiveMaxPlusOneRegistry.Registered(1, 0),
                    new NaiveMaxPlusOneRegistry.Registered(2, 0), new NaiveMaxPlusOneRegistry.Registered(3, 0));
            assertThat(naive.versions(Payloads.MODEL)).containsExactly(1, 2, 3);
        }
    }

    @Test
    void anIdempotencyKeyIsRefusedAndNothingStored() throws IOException {
        try (BenchDatabase db = BenchDatabase.start(BenchDatabase.SQLITE);
             NaiveMaxPlusOneRegistry naive = NaiveMaxPlusOneRegistry.open(db.config(), Clock.systemUTC())) {
            NewModelVersion v = new Payloads(1).next();
            NewModelVersion keyed = new NewModelVersion(v.name(), v.sha256(), v.params(), v.metrics(), v.lineage(),
                    "job-1/0");

            assertThatThrownBy(() -> naive.register(keyed)).isInstanceOfSatisfying(InvalidArgumentException.class,
                    e -> assertThat(e.field()).isEqualTo("idempotencyKey")).hasMessageContaining("job-1/0");
            assertThat(naive.versions(Payloads.MODEL)).isEmpty();
        }
    }

    @Test
    void onSqliteAWriterHoldingTheLockMakesItGiveUpAfterItsAttempts() throws Exception {
        try (BenchDatabase db = BenchDatabase.start(BenchDatabase.SQLITE);
             NaiveMaxPlusOneRegistry naive = NaiveMaxPlusOneRegistry.open(db.config(), Clock.systemUTC())) {
            Payloads payloads = new Payloads(1);
            naive.register(payloads.next());
            try (Connection other = db.connect(); Statement st = other.createStatement()) {
                st.execute("BEGIN IMMEDIATE");
                st.execute("INSERT INTO versions SELECT name, 2, sha256, params, metrics, created_at,"
                        + " parent_version, trigger_event_id, job_id, trainer, details, NULL FROM versions");

                assertThatThrownBy(() -> naive.register(payloads.next()))
                        .isInstanceOf(NaiveMaxPlusOneRegistry.GaveUpException.class)
                        .hasMessageContaining("after " + NaiveMaxPlusOneRegistry.ATTEMPTS + " clashes");
                st.execute("COMMIT");
            }

            assertThat(naive.register(payloads.next())).isEqualTo(new NaiveMaxPlusOneRegistry.Registered(3, 0));
            assertThat(naive.versions(Payloads.MODEL)).containsExactly(1, 2, 3);
        }
    }

    @Test
    void onPostgresqlANumberTakenMeanwhileIsOneConflictAndTheNextNumber() throws Exception {
        try (BenchDatabase db = BenchDatabase.start(BenchDatabase.POSTGRESQL);
             NaiveMaxPlusOneRegistry naive = NaiveMaxPlusOneRegistry.open(db.config(), Clock.systemUTC())) {
            Payloads payloads = new Payloads(1);
            naive.register(payloads.next());
            try (Connection other = db.connect(); Statement st = other.createStatement()) {
                other.setAutoCommit(false);
                st.execute("INSERT INTO versions SELECT name, 2, sha256, params, metrics, created_at,"
                        + " parent_version, trigger_event_id, job_id, trainer, details, NULL FROM versions");
                NewModelVersion next = payloads.next();
                CompletableFuture<NaiveMaxPlusOneRegistry.Registered> racing =
                        CompletableFuture.supplyAsync(() -> naive.register(next));
                // It read max = 1 and now waits on the uncommitted 2 in the primary key.
                await().atMost(Duration.ofSeconds(20)).until(() -> waitingOnALock(db) == 1);
                other.commit();

                assertThat(racing.get()).isEqualTo(new NaiveMaxPlusOneRegistry.Registered(3, 1));
            }
            assertThat(naive.versions(Payloads.MODEL)).containsExactly(1, 2, 3);
        }
    }

    @Test
    void fourWritersOnSqliteLeaveTheNumbersTheyWereGivenAndNoGap() throws IOException {
        try (BenchDatabase db = BenchDatabase.start(BenchDatabase.SQLITE);
             NaiveMaxPlusOneRegistry naive = NaiveMaxPlusOneRegistry.open(db.config(), Clock.systemUTC())) {
            List<List<Integer>> perWriter = Concurrently.run(4, writer -> {
                Payloads payloads = new Payloads(writer);
                List<Integer> got = new ArrayList<>();
                for (int i = 0; i < 25; i++) {
                    try {
                        got.add(naive.register(payloads.next()).version());
                    } catch (NaiveMaxPlusOneRegistry.GaveUpException e) {
                        // Counted by the benchmark as a failure; here only what was stored matters.
                    }
                }
                return got;
            });

            List<Integer> given = perWriter.stream().flatMap(List::stream).sorted().toList();
            assertThat(given).isNotEmpty();
            assertThat(given).containsExactlyElementsOf(IntStream.rangeClosed(1, given.size()).boxed().toList());
            assertThat(naive.versions(Payloads.MODEL)).containsExactlyElementsOf(given);
        }
    }

    private static int waitingOnALock(BenchDatabase db) throws SQLException {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
