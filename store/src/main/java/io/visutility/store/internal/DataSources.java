package io.visutility.store.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.visutility.registry.RegistryException;
import io.visutility.store.StoreConfig;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/** Opens a connection pool for a store and brings its schema up to date. */
public final class DataSources {
    private DataSources() {
    }

    /** A pool of connections; closing it closes them. */
    public record Pool(HikariDataSource dataSource) implements AutoCloseable {
        @Override
        public void close() {
            dataSource.close();
        }
    }

    /** Opens a pool for {@code config} and runs the migrations of {@code dialect}. */
    public static Pool open(StoreConfig config, Dialect dialect) {
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("visutility-store");
        hikari.setMinimumIdle(1);
        if (dialect == Dialect.SQLITE) {
            hikari.setDataSource(sqlite(config.jdbcUrl()));
            hikari.setMaximumPoolSize(4);
        } else {
            hikari.setJdbcUrl(config.jdbcUrl());
            hikari.setUsername(config.user());
            hikari.setPassword(config.password());
            hikari.setMaximumPoolSize(10);
        }
        HikariDataSource dataSource;
        try {
            dataSource = new HikariDataSource(hikari);
        } catch (RuntimeException e) {
            throw new RegistryException("database locked/unavailable: cannot connect to " + config.jdbcUrl()
                    + ": " + e.getMessage(), e);
        }
        try {
            Flyway.configure().dataSource(dataSource).locations("classpath:" + dialect.migrations())
                    .load().migrate();
        } catch (FlywayException e) {
            dataSource.close();
            throw new RegistryException("cannot migrate the schema at " + config.jdbcUrl() + ": "
                    + e.getMessage(), e);
        }
        return new Pool(dataSource);
    }

    private static DataSource sqlite(String url) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setBusyTimeout(5000);
        config.enforceForeignKeys(true);
        SQLiteDataSource dataSource = new SQLiteDataSource(config);
        dataSource.setUrl(url);
        return dataSource;
    }
}
