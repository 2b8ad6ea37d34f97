package io.visutility.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.visutility.registry.ModelRegistry;
import io.visutility.registry.ModelVersion;
import java.io.IOException;
import java.sql.SQLException;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The store benchmarks' fixtures open real databases, count what they did and fill consistently. */
class StoreBenchmarkStatesTest {

    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource({"store, sqlite", "naive, sqlite", "store, postgresql", "naive, postgresql"})
    void registerStateCountsEveryRegistrationAndLeavesNoGap(String impl, String db) throws IOException, SQLException {
        var registry = new RegisterBenchmark.Registry();
        registry.impl = impl;
        registry.db = db;
        registry.open();
        var writer = new RegisterBenchmark.Writer();
        var outcomes = new RegisterBenchmark.Outcomes();
        try {
            writer.start(registry);
            outcomes.reset();
            var bench = new RegisterBenchmark();
            for (int i = 0; i < 20; i++) {
                bench.oneWriter(registry, writer, outcomes);
            }

            assertThat(outcomes.registered).isEqualTo(20);
            assertThat(outcomes.conflicts).isZero();
            assertThat(outcomes.failed).isZero();
            int last = RegisterBenchmark.PREFILLED + 20;
            assertThat(registry.versions()).containsExactlyElementsOf(IntStream.rangeClosed(1, last).boxed().toList());
        } finally {
            registry.close();
        }
    }

    @Test
    void anUnknownImplementationOrDatabaseIsNamed() {
        var registry = new RegisterBenchmark.Registry();
        registry.impl = "mlflow";
        registry.db = "sqlite";
        assertThatThrownBy(registry::open).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("impl must be store or naive, was mlflow");
        assertThatThrownBy(() -> BenchDatabase.start("mysql")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("db must be sqlite or postgresql, was mysql");
        var filled = new AliasLookupBenchmark.FilledStore();
        filled.db = "sqlite";
        filled.versions = 9;
        assertThatThrownBy(filled::fill).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("versions must be at least 10, was 9");
    }

    @ParameterizedTest(name = "{1} versions on {0}")
    @CsvSource({"sqlite, 10", "sqlite, 10000", "postgresql, 10000"})
    void filledStoreServesTheNewestAsChampionAndCarriesOnCounting(String db, int versions)
            throws SQLException, IOException {
        var filled = new AliasLookupBenchmark.FilledStore();
        filled.db = db;
        filled.versions = versions;
        filled.fill();
        try {
            ModelVersion champion = new AliasLookupBenchmark().champion(filled).orElseThrow();
            ModelVersion first = filled.store.registry().get(Payloads.MODEL, 1);
            assertThat(champion.version()).isEqualTo(versions);
            assertThat(champion.params()).isEqualTo(first.params());
            assertThat(champion.metrics()).isEqualTo(first.metrics());
            assertThat(champion.lineage()).isEqualTo(first.lineage());
            assertThat(champion.sha256()).isEqualTo(String.format("%064x", versions));

            ModelRegistry registry = filled.store.registry();
            assertThat(registry.versions(Payloads.MODEL)).extracting(ModelVersion::version)
                    .containsExactlyElementsOf(IntStream.rangeClosed(1, versions).boxed().toList());
            assertThat(registry.register(new Payloads(9).next()).version()).isEqualTo(versions + 1);
        } finally {
            filled.close();
        }
    }
}
