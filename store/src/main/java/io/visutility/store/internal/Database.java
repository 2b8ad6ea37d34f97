package io.visutility.store.internal;

import io.visutility.registry.RegistryException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
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
        boolean sqlite = dialect == Dialect.SQLITE;
        if (sqlite) {
            sqliteWriters.lock();
        }
        try (Connection c = dataSource.getConnection()) {
            begin(c);
            try {
                T result = work.apply(c);
                commit(c);
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                rollback(c, e);
                throw e;
            } finally {
                if (!sqlite) {
                    c.setAutoCommit(true);
                }
            }
        } catch (SQLException e) {
            throw failure(what, e);
        } finally {
            if (sqlite) {
                sqliteWriters.unlock();
            }
        }
    }

    /**
     * On SQLite the connection stays in autocommit mode and the transaction is opened with a plain
     * {@code BEGIN IMMEDIATE}: when another process holds the write lock past the busy timeout, that
     * statement fails and leaves the connection exactly as it was. Letting the driver open it inside
     * {@code setAutoCommit(false)} instead left the pooled connection believing a transaction was open,
     * so the next write on it ran statement by statement, unprotected.
     */
    private void begin(Connection c) throws SQLException {
        if (dialect == Dialect.SQLITE) {
            execute(c, "BEGIN IMMEDIATE");
        } else {
            c.setAutoCommit(false);
        }
    }

    private void commit(Connection c) throws SQLException {
        if (dialect == Dialect.SQLITE) {
            execute(c, "COMMIT");
        } else {
            c.commit();
        }
    }

    private void rollback(Connection c, Throwable cause) {
        try {
            if (dialect == Dialect.SQLITE) {
                // After some errors (a full disk, say) SQLite has ended the transaction itself; ROLLBACK
                // then reports that none is active, which is recorded and changes nothing.
                execute(c, "ROLLBACK");
            } else {
                c.rollback();
            }
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    /** Whether {@code e} reports a violated unique constraint. */
    static boolean isUniqueViolation(SQLException e) {
        return "23505".equals(e.getSQLState()) || (e.getErrorCode() == 19
                && String.valueOf(e.getMessage()).contains("UNIQUE"));
    }

    private static RegistryException failure(String what, SQLException e) {
        return new RegistryException("database locked/unavailable: " + what + " failed: " + e.getMessage(), e);
    }
}
