package io.visutility.bench;

import io.visutility.registry.ModelRegistry;
import io.visutility.registry.ModelVersion;
import io.visutility.store.Store;
import java.io.IOException;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
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
 * Latency of {@code alias(name, "champion")}, the read every serving decision makes, with 10, 10,000 and
 * 100,000 versions of the model; sampled, so JMH reports its percentiles.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 4, time = 2)
@Fork(1)
public class AliasLookupBenchmark {

    /** A store holding {@link #versions} versions of one model, its champion the newest. */
    @State(Scope.Benchmark)
    public static class FilledStore {
        /** {@value BenchDatabase#SQLITE} or {@value BenchDatabase#POSTGRESQL}. */
        @Param({BenchDatabase.SQLITE, BenchDatabase.POSTGRESQL})
        public String db;
        /** Versions of the model. */
        @Param({"10", "10000", "100000"})
        public int versions;

        BenchDatabase database;
        Store store;

        /** Creates the database, fills it and promotes the newest version. */
        @Setup(Level.Trial)
        public void fill() throws SQLException {
            database = BenchDatabase.start(db);
            store = Store.open(database.config());
            VersionFill.fill(store.registry(), database, Payloads.MODEL, versions);
            store.registry().setAlias(Payloads.MODEL, ModelRegistry.CHAMPION, versions, null, "benchmark");
        }

        /** Closes the store and drops the database. */
        @TearDown(Level.Trial)
        public void close() throws IOException {
            store.close();
            database.close();
        }
    }

    /** One reader. */
    @Benchmark
    @Threads(1)
    public Optional<ModelVersion> champion(FilledStore filled) {
        return filled.store.registry().alias(Payloads.MODEL, ModelRegistry.CHAMPION);
    }
}
