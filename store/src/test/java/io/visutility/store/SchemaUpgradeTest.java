package io.visutility.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.visutility.registry.AliasChange;
import io.visutility.registry.ModelRegistry;
import io.visutility.registry.ModelVersion;
import io.visutility.store.internal.Dialect;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A database written before tags and actors existed opens, keeps its history and gains both. */
class SchemaUpgradeTest {
    private static final String SHA = "ab".repeat(32);

    @TempDir
    Path dir;

    @Test
    void aSqliteRegistryFromBeforeTagsAndActorsIsUpgradedInPlace() throws SQLException {
        StoreConfig config = new StoreConfig("jdbc:sqlite:" + dir.resolve("visutility.db").toAbsolutePath(),
                null, null, dir.resolve("artifacts"));
        upgradeAndCheck(config, Long.toString(Instant.parse("2026-03-01T12:00:00Z").toEpochMilli()));
    }

    @Test
    void aPostgresRegistryFromBeforeTagsAndActorsIsUpgradedInPlace() throws Exception {
        try (PostgresServer server = PostgresServer.start()) {
            upgradeAndCheck(server.freshSchema(dir.resolve("artifacts")), "'2026-03-01T12:00:00Z'");
        }
    }

    private void upgradeAndCheck(StoreConfig config, String time) throws SQLException {
        Flyway.configure().dataSource(config.jdbcUrl(), config.user(), config.password())
                .locations("classpath:" + Dialect.of(config.jdbcUrl()).migrations()).target("1").load().migrate();
        try (Connection c = DriverManager.getConnection(config.jdbcUrl(), config.user(), config.password());
             Statement st = c.createStatement()) {
            st.executeUpdate("INSERT INTO models (name, last_version) VALUES ('churn', 2)");
            for (int v = 1; v <= 2; v++) {
                st.executeUpdate("INSERT INTO versions (name, version, sha256, params, metrics, created_at, details)"
                        + " VALUES ('churn', " + v + ", '" + SHA + "', '{}', '{}', " + time + ", '{}')");
            }
            st.executeUpdate("INSERT INTO aliases (name, alias, version) VALUES ('churn', 'champion', 2)");
            st.executeUpdate("INSERT INTO alias_changes (name, alias, from_version, to_version, changed_at, reason)"
                    + " VALUES ('churn', 'champion', NULL, 1, " + time + ", 'first'),"
                    + " ('churn', 'champion', 1, 2, " + time + ", 'second')");
        }

        try (Store store = Store.open(config)) {
            ModelRegistry registry = store.registry();
            assertThat(registry.aliasHistory("churn", ModelRegistry.CHAMPION)).extracting(AliasChange::actor)
                    .containsExactly(ModelRegistry.UNATTRIBUTED, ModelRegistry.UNATTRIBUTED);
            assertThat(registry.versions("churn")).extracting(ModelVersion::tags).containsOnly(Map.of());

            registry.setTag("churn", 1, "stage", "retired");
            registry.setAlias("churn", ModelRegistry.CHAMPION, 1, 2, "rollback", "cli:alice");
        }
        try (Store reopened = Store.open(config)) {
            ModelRegistry registry = reopened.registry();
            assertThat(registry.get("churn", 1).tags()).isEqualTo(Map.of("stage", "retired"));
            assertThat(registry.versions("churn", null, 1).items()).extracting(ModelVersion::tags)
                    .containsExactly(Map.of("stage", "retired"));
            assertThat(registry.aliasHistory("churn", ModelRegistry.CHAMPION)).extracting(AliasChange::actor)
                    .containsExactly(ModelRegistry.UNATTRIBUTED, ModelRegistry.UNATTRIBUTED, "cli:alice");
        }
    }
}
