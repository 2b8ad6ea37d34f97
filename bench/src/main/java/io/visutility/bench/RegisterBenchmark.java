package io.visutility.bench;

import io.visutility.registry.NewModelVersion;
import io.visutility.registry.RegistryException;
import io.visutility.store.Store;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Registrations per second of one model by 1 or 8 writers: the store's counter row against
 * {@link NaiveMaxPlusOneRegistry}, on SQLite and PostgreSQL, each trial on an empty database.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 4, time = 2)
@Fork(1)
public class RegisterBenchmark {
    static final String STORE = "store";
    static final String NAIVE = "naive";
    static final int PREFILLED = 1_000;

    /**
     * The registry under test on a fresh database, shared by all writers of the trial. The model starts
     * with {@value RegisterBenchmark#PREFILLED} versions and analysed tables: a query planned on an empty table can
     * differ from one planned on a registry in use (the baseline's max() then reads every version).
     */
    @State(Scope.Benchmark)
    public static class Registry {
        /** {@value #STORE} (counter row) or {@value #NAIVE} (max + 1 with retries). */
        @Param({STORE, NAIVE})
        public String impl;
        /** {@value BenchDatabase#SQLITE} or {@value BenchDatabase#POSTGRESQL}. */
        @Param({BenchDatabase.SQLITE, BenchDatabase.POSTGRESQL})
        public String db;

        final AtomicInteger writers = new AtomicInteger();
        BenchDatabase database;
        Store store;
        NaiveMaxPlusOneRegistry naive;

        /** Creates the database and opens the registry on it. */
        @Setup(Level.Trial)
        public void open() throws SQLException {
            if (!STORE.equals(impl) && !NAIVE.equals(impl)) {
                throw new IllegalArgumentException("impl must be " + STORE + " or " + NAIVE + ", was " + impl);
            }
            database = BenchDatabase.start(db);
            if (STORE.equals(impl)) {
                store = Store.open(database.config());
            } else {
                naive = NaiveMaxPlusOneRegistry.open(database.config(), Clock.systemUTC());
            }
            if (store != null) {
                store.registry().register(new Payloads(0).next());
            } else {
                naive.register(new Payloads(0).next());
            }
            VersionFill.extend(database, Payloads.MODEL, PREFILLED);
            VersionFill.analyze(database);
        }

        /** Registers {@code v}, counting clashes and failures in {@code outcomes}. */
        void register(NewModelVersion v, Outcomes outcomes) {
            try {
                if (store != null) {
                    store.registry().register(v);
                } else {
                    outcomes.conflicts += naive.register(v).conflicts();
                }
                outcomes.registered++;
            } catch (NaiveMaxPlusOneRegistry.GaveUpException e) {
                outcomes.conflicts += NaiveMaxPlusOneRegistry.ATTEMPTS;
                outcomes.failed++;
            } catch (RegistryException e) {
                outcomes.failed++;
            }
        }

        /** The model's version numbers as stored, in order. */
        List<Integer> versions() {
            if (store != null) {
                return store.registry().versions(Payloads.MODEL).stream().map(v -> v.version()).toList();
            }
            return naive.versions(Payloads.MODEL);
        }

        /** Checks the numbers are 1..n without a gap, then closes the registry and drops the database. */
        @TearDown(Level.Trial)
        public void close() throws IOException {
            try {
                List<Integer> versions = versions();
                int last = versions.isEmpty() ? 0 : versions.get(versions.size() - 1);
                System.out.printf("%n%s on %s: %d versions registered, highest %d%n", impl, db, versions.size(), last);
                if (last != versions.size()) {
                    throw new IllegalStateException(impl + " on " + db + " left gaps: " + versions.size()
                            + " versions, highest " + last);
                }
            } finally {
                if (store != null) {
                    store.close();
                }
                if (naive != null) {
                    naive.close();
                }
                database.close();
            }
        }
    }

    /** One writer's payloads. */
    @State(Scope.Thread)
    public static class Writer {
        Payloads payloads;

        /** Numbers the writer so its checksums differ from the others'. */
        @Setup(Level.Trial)
        public void start(Registry registry) {
            payloads = new Payloads(registry.writers.incrementAndGet());
        }
    }

    /** What the writer's calls came to, reported by JMH as rates beside the score. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Outcomes {
        /** Versions registered. */
        public long registered;
        /** Attempts that lost a version number to another writer and were rolled back. */
        public long conflicts;
        /** Calls that registered nothing (the baseline gave up, or the database failed). */
        public long failed;

        /** Forgets the previous iteration. */
        @Setup(Level.Iteration)
        public void reset() {
            registered = 0;
            conflicts = 0;
            failed = 0;
        }
    }

    /** One writer. */
    @Benchmark
    @Threads(1)
    public void oneWriter(Registry registry, Writer writer, Outcomes outcomes) {
        registry.register(writer.payloads.next(), outcomes);
    }

    /** Eight writers on the same model. */
    @Benchmark
    @Threads(8)
    public void eightWriters(Registry registry, Writer writer, Outcomes outcomes) {
        registry.register(writer.payloads.next(), outcomes);
    }
}
