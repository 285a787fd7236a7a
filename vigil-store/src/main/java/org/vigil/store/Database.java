package org.vigil.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.duckdb.DuckDBConnection;
import org.vigil.model.VigilException;

/**
 * The DuckDB side of a store: one write connection, and a fresh duplicate of it for each read so
 * that reads on several threads do not share a connection. Reads may overlap each other but never
 * a write: with DuckDB JDBC 1.4.1 a read that overlaps another connection's write transaction
 * can return corrupted strings (seen in StoreSharingTest), so writes take the exclusive side of
 * a read-write lock.
 */
final class Database implements AutoCloseable {
    /** Work on a JDBC connection. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private final Path file;
    private final Connection conn;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

    private Database(Path file, Connection conn) {
        this.file = file;
        this.conn = conn;
    }

    static Database connect(Path file, boolean readOnly) {
        Properties props = new Properties();
        if (readOnly) {
            props.setProperty("duckdb.read_only", "true");
        }
        try {
            return new Database(file, DriverManager.getConnection("jdbc:duckdb:" + file, props));
        } catch (SQLException e) {
            String m = Sql.firstLine(e);
            if (m.contains("Could not set lock")) {
                throw new VigilException("the Vigil store at " + file + " is in use by another process ("
                        + m.replaceFirst("(?s).*Conflicting lock is held in ", "held by ")
                        + "): wait for it to finish, stop it, or pass another --db", e);
            }
            throw new VigilException("cannot open " + file + " as a Vigil store: " + m
                    + "; pass the path of a Vigil store, or a new path to create one", e);
        }
    }

    Connection writeConnection() {
        return conn;
    }

    ReentrantReadWriteLock.WriteLock writeLock() {
        return lock.writeLock();
    }

    /** Runs {@code work} on its own connection, alongside other reads but after any running write. */
    <T> T read(String what, Work<T> work) {
        lock.readLock().lock();
        try (Connection c = ((DuckDBConnection) conn).duplicate()) {
            return work.run(c);
        } catch (SQLException e) {
            throw failure(what, e);
        } catch (Sql.Unchecked e) {
            throw failure(what, e.getCause());
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Runs {@code work} on the write connection in one transaction, with no read running. */
    <T> T write(Work<T> work) throws SQLException {
        lock.writeLock().lock();
        try {
            boolean outer = conn.getAutoCommit();
            if (!outer) {
                return work.run(conn); // already inside a transaction of this thread
            }
            conn.setAutoCommit(false);
            try {
                T result = work.run(conn);
                conn.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                try {
                    conn.rollback();
                } catch (SQLException suppressed) {
                    e.addSuppressed(suppressed);
                }
                throw e;
            } finally {
                conn.setAutoCommit(true);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    VigilException failure(String what, SQLException e) {
        return new VigilException("could not " + what + " in the Vigil store at " + file + ": " + Sql.firstLine(e), e);
    }

    @Override
    public void close() {
        lock.writeLock().lock();
        try {
            conn.close();
        } catch (SQLException e) {
            throw failure("close", e);
        } finally {
            lock.writeLock().unlock();
        }
    }
}
