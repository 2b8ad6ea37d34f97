package io.visutility.store.internal;

import io.visutility.registry.RegistryException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;

/**
 * Runs work on a pooled connection, in autocommit for reads or in one transaction for writes; SQL errors
 * become {@link RegistryException}s and a failed transaction is rolled back, so nothing is half-written.
 */
public final class Database {
    private final DataSource dataSource;
    private final Dialect dialect;
    // SQLite admits one writer at a time anyway; queueing writers of this process here spares them the
    // busy-wait backoff, while BEGIN IMMEDIATE and busy_timeout still order writers of other processes.
    private final ReentrantLock sqliteWriters = new ReentrantLock(true);

    /** Work on a connection that may throw {@link SQLException}. */
    @FunctionalInterface
    public interface Work<T> {
        /** Does the work on {@code connection}. */
        T apply(Connection connection) throws SQLException;
    }

    /** Creates a database over {@code dataSource}, which speaks {@code dialect}. */
    public Database(DataSource dataSource, Dialect dialect) {
        this.dataSource = dataSource;
        this.dialect = dialect;
    }

    /** The dialect spoken. */
    public Dialect dialect() {
        return dialect;
    }

    /** Runs {@code work} in autocommit mode. */
    public <T> T read(String what, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.apply(c);
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    /** Runs {@code work} in one transaction, committed if it returns and rolled back if it throws. */
    public <T> T write(String what, Work<T> work) {
        boolean locked = dialect == Dialect.SQLITE;
        if (locked) {
            sqliteWriters.lock();
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.apply(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                rollback(c, e);
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failure(what, e);
        } finally {
            if (locked) {
                sqliteWriters.unlock();
            }
        }
    }

    /** Whether {@code e} reports a violated unique constraint. */
    static boolean isUniqueViolation(SQLException e) {
        return "23505".equals(e.getSQLState()) || (e.getErrorCode() == 19
                && String.valueOf(e.getMessage()).contains("UNIQUE"));
    }

    private static void rollback(Connection c, Throwable cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private static RegistryException failure(String what, SQLException e) {
        return new RegistryException("database locked/unavailable: " + what + " failed: " + e.getMessage(), e);
    }
}
