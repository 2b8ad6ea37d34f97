package io.visutility.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.visutility.registry.ArtifactRef;
import io.visutility.registry.Lineage;
import io.visutility.registry.ModelVersion;
import io.visutility.registry.NewModelVersion;
import io.visutility.registry.RegistryException;
import io.visutility.tuning.HyperParams;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the store adds around the registry: its files, its artifacts and its failures. */
class StoreTest {
    @TempDir
    Path dir;

    @Test
    void aSqliteStoreCreatesItsDatabaseAndArtifactDirectoryAndKeepsArtifactsThere() {
        Path dataDir = dir.resolve("nested/data");
        try (Store store = Store.sqlite(dataDir)) {
            ArtifactRef ref = store.artifacts().put("model bytes".getBytes(StandardCharsets.UTF_8));

            assertThat(dataDir.resolve("visutility.db")).isRegularFile();
            assertThat(dataDir.resolve("artifacts")).isDirectory();
            assertThat(dataDir.resolve("artifacts").toFile().list()).anyMatch(f -> f.contains(ref.sha256()));
            assertThat(store.artifacts().get(ref.sha256())).asString(StandardCharsets.UTF_8).isEqualTo("model bytes");
        }
    }

    @Test
    void aLineageWithoutParentTriggerJobOrTrainerAndEmptyParamsRoundTrips() {
        NewModelVersion request = new NewModelVersion("churn", "a".repeat(64), HyperParams.empty(), Map.of(),
                new Lineage(null, null, null, null, null), null);
        try (Store store = Store.sqlite(dir)) {
            ModelVersion created = store.registry().register(request);

            assertThat(store.registry().get("churn", 1)).isEqualTo(created);
            assertThat(created.lineage()).isEqualTo(new Lineage(null, null, null, null, Map.of()));
        }
    }

    @Test
    void aClosedStoreFailsWithARegistryExceptionNamingTheOperation() {
        Store store = Store.sqlite(dir);
        store.close();

        assertThatExceptionOfType(RegistryException.class).isThrownBy(() -> store.registry().versions("churn"))
                .withMessageStartingWith("database locked/unavailable: ")
                .withMessageContaining("churn");
    }

    @Test
    void anUnreachableDatabaseFailsToOpenWithARegistryException() {
        assertThatExceptionOfType(RegistryException.class)
                .isThrownBy(() -> Store.postgres("jdbc:postgresql://127.0.0.1:1/none?connectTimeout=2", "u", "p",
                        dir.resolve("artifacts")))
                .withMessageStartingWith("database locked/unavailable: ")
                .withMessageContaining("127.0.0.1:1");
    }
}
