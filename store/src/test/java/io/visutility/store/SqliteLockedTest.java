package io.visutility.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.visutility.registry.Lineage;
import io.visutility.registry.NewModelVersion;
import io.visutility.registry.RegistryException;
import io.visutility.tuning.HyperParams;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A SQLite database another process holds the write lock of: a clear error, nothing half-written. */
class SqliteLockedTest {
    @TempDir
    Path dir;

    @Test
    void aRegisterWhileAnotherConnectionHoldsTheWriteLockFailsClearlyAndLeavesNothingBehind() throws Exception {
        NewModelVersion request = new NewModelVersion("churn", "b".repeat(64), HyperParams.empty(), Map.of(),
                Lineage.manual("test", Map.of()), "key-1");
        try (Store store = Store.sqlite(dir)) {
            try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("visutility.db"));
                 Statement st = other.createStatement()) {
                st.execute("BEGIN IMMEDIATE");

                // Waits out the busy timeout (5 s), then gives up with the database named in the message.
                assertThatExceptionOfType(RegistryException.class)
                        .isThrownBy(() -> store.registry().register(request))
                        .withMessageStartingWith("database locked/unavailable: ")
                        .withMessageContaining("churn");

                st.execute("ROLLBACK");
            }
            assertThat(store.registry().versions("churn")).isEmpty();
            assertThat(store.registry().models()).isEmpty();
            assertThat(store.registry().register(request).version()).isEqualTo(1);
            assertThat(store.registry().register(request).version()).isEqualTo(1);
        }
    }
}
