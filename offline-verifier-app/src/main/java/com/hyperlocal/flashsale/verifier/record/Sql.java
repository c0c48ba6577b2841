package com.hyperlocal.flashsale.verifier.record;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The one SQLite connection, shared by the store's parts. Every statement binds its values as
 * parameters; every call holds this object's lock, so "check, then insert" inside one
 * {@link #transaction} is atomic for the whole app.
 */
final class Sql {

    interface Work<T> {
        T run() throws SQLException;
    }

    interface Action {
        void run() throws SQLException;
    }

    interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private final Connection db;

    Sql(Connection db) {
        this.db = db;
    }

    synchronized <T> List<T> query(String sql, RowMapper<T> mapper, @Nullable Object... params) {
        return read(() -> {
            try (PreparedStatement ps = prepare(sql, params);
                    ResultSet rs = ps.executeQuery()) {
                List<T> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(mapper.map(rs));
                }
                return out;
            }
        });
    }

    <T> Optional<T> first(String sql, RowMapper<T> mapper, @Nullable Object... params) {
        return query(sql, mapper, params).stream().findFirst();
    }

    /** One statement; runs in the caller's transaction when there is one. */
    synchronized int update(String sql, @Nullable Object... params) throws SQLException {
        try (PreparedStatement ps = prepare(sql, params)) {
            return ps.executeUpdate();
        }
    }

    synchronized <T> T transaction(Work<T> work) {
        // Autocommit between transactions: with it off, the driver would open the next
        // (IMMEDIATE) transaction at once and hold the write lock for good.
        try {
            db.setAutoCommit(false);
            T result = work.run();
            db.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            try {
                db.rollback();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw new StoreException("The redemption log could not be written: " + e.getMessage(), e);
        } finally {
            try {
                db.setAutoCommit(true);
            } catch (SQLException ignored) {
                // The next transaction's setAutoCommit(false) reports a broken connection.
            }
        }
    }

    /** {@link #transaction} for work without a result. */
    void inTransaction(Action work) {
        transaction(() -> {
            work.run();
            return Boolean.TRUE;
        });
    }

    synchronized <T> T read(Work<T> work) {
        try {
            return work.run();
        } catch (SQLException e) {
            throw new StoreException("The redemption log could not be read: " + e.getMessage(), e);
        }
    }

    synchronized void close() {
        try {
            db.close();
        } catch (SQLException e) {
            throw new StoreException("Cannot close the redemption log", e);
        }
    }

    /** For tests that check connection settings. */
    Connection connection() {
        return db;
    }

    private PreparedStatement prepare(String sql, @Nullable Object... params) throws SQLException {
        PreparedStatement ps = db.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            if (p instanceof Integer n) {
                ps.setInt(i + 1, n);
            } else {
                ps.setString(i + 1, Rows.text(p));
            }
        }
        return ps;
    }
}
