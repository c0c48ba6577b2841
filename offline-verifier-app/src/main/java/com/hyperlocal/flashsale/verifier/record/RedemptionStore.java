package com.hyperlocal.flashsale.verifier.record;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.sqlite.SQLiteConfig;

/**
 * The device's durable log of every scan, in SQLite (WAL journal, {@code synchronous=FULL}: a
 * method that returns has its write on disk, so a power cut right after VALID loses nothing).
 *
 * <p>One connection, every method synchronized: the till does a scan every few seconds at most,
 * and serialising keeps "check, then insert" trivially atomic. Thread-safe; no JavaFX.
 */
public final class RedemptionStore implements AutoCloseable {

    public static final String ALREADY_REDEEMED = "ALREADY_REDEEMED";
    private static final String COLUMNS = "client_id, token, claim_id, deal_id, user_id, expires_at, "
            + "scanned_at, outcome, refusal_reason, sync_state, server_status, server_reason, "
            + "redemption_id, conflict_redemption_id, conflict_device_id, conflict_scanned_at, "
            + "conflict_received_at, synced_at";

    private final Connection db;

    private RedemptionStore(Connection db) {
        this.db = db;
    }

    public static RedemptionStore open(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            SQLiteConfig config = new SQLiteConfig();
            config.setJournalMode(SQLiteConfig.JournalMode.WAL);
            config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
            config.setBusyTimeout(5_000);
            // IMMEDIATE takes the write lock at BEGIN: a second process cannot slip in between
            // our "already redeemed?" check and the insert.
            config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), config.toProperties());
            try (Statement s = c.createStatement()) {
                for (String ddl : Schema.STATEMENTS) {
                    s.execute(ddl);
                }
            }
            return new RedemptionStore(c);
        } catch (Exception e) {
            throw new StoreException("Cannot open the redemption log " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Records a redemption unless this device already redeemed the same voucher; in that case the
     * scan is recorded as REFUSED ({@value #ALREADY_REDEEMED}) and the first redemption returned.
     */
    public synchronized RecordResult redeem(NewScan scan) {
        if (scan.outcome() != Outcome.REDEEMED) {
            throw new IllegalArgumentException("redeem() takes REDEEMED scans");
        }
        return inTransaction(() -> {
            Optional<ScanRecord> first = redeemedLocked(scan.claimId());
            if (first.isEmpty()) {
                insert(scan);
                return new RecordResult.Recorded(findLocked(scan.clientId()).orElseThrow());
            }
            NewScan refusal = new NewScan(scan.clientId(), scan.token(), scan.claimId(), scan.dealId(),
                    scan.userId(), scan.expiresAt(), scan.scannedAt(), Outcome.REFUSED, ALREADY_REDEEMED);
            insert(refusal);
            return new RecordResult.AlreadyRedeemed(first.get(), findLocked(scan.clientId()).orElseThrow());
        });
    }

    /** Records a refused scan (logged for the merchant, uploaded like any other). */
    public synchronized ScanRecord refuse(NewScan scan) {
        if (scan.outcome() != Outcome.REFUSED) {
            throw new IllegalArgumentException("refuse() takes REFUSED scans");
        }
        return inTransaction(() -> {
            insert(scan);
            return findLocked(scan.clientId()).orElseThrow();
        });
    }

    public synchronized Optional<ScanRecord> find(UUID clientId) {
        return read(() -> findLocked(clientId));
    }

    public synchronized Optional<ScanRecord> redeemed(UUID claimId) {
        return read(() -> redeemedLocked(claimId));
    }

    /** The oldest scans the server has not acknowledged, in scan order. */
    public synchronized List<ScanRecord> pending(int limit) {
        return read(() -> query("SELECT " + COLUMNS + " FROM scans WHERE sync_state = 'PENDING' "
                + "ORDER BY rowid LIMIT ?", limit));
    }

    public synchronized int pendingCount() {
        return read(() -> {
            try (Statement s = db.createStatement();
                 ResultSet rs = s.executeQuery("SELECT count(*) FROM scans WHERE sync_state = 'PENDING'")) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    /** Scans the server reported as CONFLICT or REJECTED (also when learnt from a DUPLICATE). */
    public synchronized List<ScanRecord> problems() {
        return read(() -> query("SELECT " + COLUMNS + " FROM scans WHERE server_status IN "
                + "('CONFLICT', 'REJECTED') OR conflict_redemption_id IS NOT NULL ORDER BY rowid DESC LIMIT ?", 500));
    }

    public synchronized List<ScanRecord> all() {
        return read(() -> query("SELECT " + COLUMNS + " FROM scans ORDER BY rowid LIMIT ?", Integer.MAX_VALUE));
    }

    /**
     * Stores the server's answers. Only PENDING rows change, so an answer that arrives twice
     * (a resend after a lost response) is applied once.
     *
     * @return how many rows became SYNCED
     */
    public synchronized int applyAnswers(List<ServerAnswer> answers, Instant now) {
        return inTransaction(() -> {
            int changed = 0;
            try (PreparedStatement ps = db.prepareStatement("UPDATE scans SET sync_state = 'SYNCED', "
                    + "server_status = ?, server_reason = ?, redemption_id = ?, conflict_redemption_id = ?, "
                    + "conflict_device_id = ?, conflict_scanned_at = ?, conflict_received_at = ?, synced_at = ? "
                    + "WHERE client_id = ? AND sync_state = 'PENDING'")) {
                for (ServerAnswer a : answers) {
                    ServerAnswer.Conflict c = a.conflict();
                    ps.setString(1, a.status());
                    ps.setString(2, a.reason());
                    ps.setString(3, Rows.text(a.redemptionId()));
                    ps.setString(4, c == null ? null : Rows.text(c.redemptionId()));
                    ps.setString(5, c == null ? null : c.deviceId());
                    ps.setString(6, c == null ? null : Rows.text(c.scannedAt()));
                    ps.setString(7, c == null ? null : Rows.text(c.receivedAt()));
                    ps.setString(8, now.toString());
                    ps.setString(9, a.clientId().toString());
                    changed += ps.executeUpdate();
                }
            }
            return changed;
        });
    }

    public synchronized Optional<Instant> lastSync() {
        return read(() -> meta("last_sync").map(Instant::parse));
    }

    public synchronized void setLastSync(Instant when) {
        putMeta("last_sync", when.toString());
    }

    public synchronized Optional<String> dealTitle(UUID dealId) {
        return read(() -> {
            try (PreparedStatement ps = db.prepareStatement("SELECT title FROM deal_titles WHERE deal_id = ?")) {
                ps.setString(1, dealId.toString());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    public synchronized void putDealTitle(UUID dealId, String title, Instant now) {
        inTransaction(() -> {
            try (PreparedStatement ps = db.prepareStatement(
                    "INSERT OR REPLACE INTO deal_titles (deal_id, title, fetched_at) VALUES (?, ?, ?)")) {
                ps.setString(1, dealId.toString());
                ps.setString(2, title);
                ps.setString(3, now.toString());
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** Deals seen in scans whose title is not cached yet. */
    public synchronized List<UUID> dealsWithoutTitle() {
        return read(() -> {
            List<UUID> out = new ArrayList<>();
            try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT DISTINCT deal_id FROM "
                    + "scans WHERE deal_id IS NOT NULL AND deal_id NOT IN (SELECT deal_id FROM deal_titles)")) {
                while (rs.next()) {
                    out.add(UUID.fromString(rs.getString(1)));
                }
            }
            return out;
        });
    }

    @Override
    public synchronized void close() {
        try {
            db.close();
        } catch (SQLException e) {
            throw new StoreException("Cannot close the redemption log", e);
        }
    }

    private void insert(NewScan s) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("INSERT INTO scans (client_id, token, claim_id, "
                + "deal_id, user_id, expires_at, scanned_at, outcome, refusal_reason) VALUES (?,?,?,?,?,?,?,?,?)")) {
            ps.setString(1, s.clientId().toString());
            ps.setString(2, s.token());
            ps.setString(3, Rows.text(s.claimId()));
            ps.setString(4, Rows.text(s.dealId()));
            ps.setString(5, s.userId());
            ps.setString(6, Rows.text(s.expiresAt()));
            ps.setString(7, s.scannedAt().toString());
            ps.setString(8, s.outcome().name());
            ps.setString(9, s.refusalReason());
            ps.executeUpdate();
        }
    }

    private Optional<ScanRecord> findLocked(UUID clientId) throws SQLException {
        return query("SELECT " + COLUMNS + " FROM scans WHERE client_id = '" + clientId + "' LIMIT ?", 1)
                .stream().findFirst();
    }

    private Optional<ScanRecord> redeemedLocked(UUID claimId) throws SQLException {
        return query("SELECT " + COLUMNS + " FROM scans WHERE outcome = 'REDEEMED' AND claim_id = '"
                + claimId + "' LIMIT ?", 1).stream().findFirst();
    }

    private List<ScanRecord> query(String sql, int limit) throws SQLException {
        // UUIDs inlined above come from UUID.toString(), never from user text.
        try (PreparedStatement ps = db.prepareStatement(sql)) {
            ps.setInt(1, limit);
            try (ResultSet rs = ps.executeQuery()) {
                List<ScanRecord> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(Rows.scan(rs));
                }
                return out;
            }
        }
    }

    private Optional<String> meta(String key) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("SELECT value FROM meta WHERE key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    private void putMeta(String key, String value) {
        inTransaction(() -> {
            try (PreparedStatement ps = db.prepareStatement("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)")) {
                ps.setString(1, key);
                ps.setString(2, value);
                ps.executeUpdate();
            }
            return null;
        });
    }

    private interface SqlWork<T> {
        T run() throws SQLException;
    }

    private <T> T inTransaction(SqlWork<T> work) {
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

    private <T> T read(SqlWork<T> work) {
        try {
            return work.run();
        } catch (SQLException e) {
            throw new StoreException("The redemption log could not be read: " + e.getMessage(), e);
        }
    }
}
