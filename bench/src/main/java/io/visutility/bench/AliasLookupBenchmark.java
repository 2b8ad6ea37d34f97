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
    static final int SMALL = 10;

    /**
     * A store holding {@link #versions} versions of one model, its champion the newest. It is read while
     * the model has 10 versions and grown afterwards, so the pooled connections' prepared statements were
     * planned on a small table, as in a store that grew while serving.
     */
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

        /** Creates the database, reads the champion of a small model, grows the model and promotes its newest. */
        @Setup(Level.Trial)
        public void fill() throws SQLException {
            if (versions < SMALL) {
                throw new IllegalArgumentException("versions must be at least " + SMALL + ", was " + versions);
            }
            database = BenchDatabase.start(db);
            store = Store.open(database.config());
            ModelRegistry registry = store.registry();
            registry.register(new Payloads(0).next());
            VersionFill.extend(database, Payloads.MODEL, SMALL);
            registry.setAlias(Payloads.MODEL, ModelRegistry.CHAMPION, SMALL, null, "first champion");
            for (int i = 0; i < 100; i++) {
                registry.alias(Payloads.MODEL, ModelRegistry.CHAMPION).orElseThrow();
            }
            VersionFill.extend(database, Payloads.MODEL, versions);
            if (versions > SMALL) {
                registry.setAlias(Payloads.MODEL, ModelRegistry.CHAMPION, versions, SMALL, "newest");
            }
            int latest = registry.latest(Payloads.MODEL).version();
            if (latest != versions) {
                throw new IllegalStateException("filled " + versions + " versions but the latest is " + latest);
            }
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
