package io.visutility.store.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** What differs between the supported databases: migrations, row locks, JSON and time columns. */
public enum Dialect {
    /** SQLite: one writer at a time (writes begin with BEGIN IMMEDIATE), times in epoch milliseconds. */
    SQLITE("db/migration/sqlite", "", "?", ChronoUnit.MILLIS) {
        @Override
        public void setTime(PreparedStatement ps, int index, Instant time) throws SQLException {
            ps.setLong(index, time.toEpochMilli());
        }

        @Override
        Instant getTime(ResultSet rs, String column) throws SQLException {
            return Instant.ofEpochMilli(rs.getLong(column));
        }
    },
    /** PostgreSQL: row locks on the model, JSONB and TIMESTAMPTZ columns. */
    POSTGRESQL("db/migration/postgresql", " FOR UPDATE", "CAST(? AS JSONB)", ChronoUnit.MICROS) {
        @Override
        public void setTime(PreparedStatement ps, int index, Instant time) throws SQLException {
            ps.setObject(index, OffsetDateTime.ofInstant(time, ZoneOffset.UTC));
        }

        @Override
        Instant getTime(ResultSet rs, String column) throws SQLException {
            return rs.getObject(column, OffsetDateTime.class).toInstant();
        }
    };

    private final String migrations;
    private final String forUpdate;
    private final String json;
    private final ChronoUnit precision;

    Dialect(String migrations, String forUpdate, String json, ChronoUnit precision) {
        this.migrations = migrations;
        this.forUpdate = forUpdate;
        this.json = json;
        this.precision = precision;
    }

    /** The dialect of {@code jdbcUrl}. */
    public static Dialect of(String jdbcUrl) {
        return jdbcUrl.startsWith("jdbc:sqlite:") ? SQLITE : POSTGRESQL;
    }

    /** The classpath folder of this dialect's Flyway migrations. */
    public String migrations() {
        return migrations;
    }

    String forUpdate() {
        return forUpdate;
    }

    /** The placeholder of a JSON parameter, cast where the column is typed JSON. */
    public String json() {
        return json;
    }

    /** The clock's time cut to what the time columns keep, so a returned value equals the one read back. */
    Instant now(Clock clock) {
        return cut(clock.instant());
    }

    /** {@code time} cut to what the time columns keep. */
    Instant cut(Instant time) {
        return time.truncatedTo(precision);
    }

    /** Binds {@code time} as this dialect's time columns keep it. */
    public abstract void setTime(PreparedStatement ps, int index, Instant time) throws SQLException;

    abstract Instant getTime(ResultSet rs, String column) throws SQLException;
}
