package com.hyperlocal.flashsale.verifier.record;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The durable log of every scan: one row per scan, a redemption at most once per voucher (the
 * database's partial unique index enforces it), PENDING until the server's answer is stored.
 */
public final class ScanLog {

    public static final String ALREADY_REDEEMED = "ALREADY_REDEEMED";
    private static final String SELECT = "SELECT client_id, token, claim_id, deal_id, user_id, expires_at, "
            + "scanned_at, outcome, refusal_reason, sync_state, server_status, server_reason, "
            + "redemption_id, conflict_redemption_id, conflict_device_id, conflict_scanned_at, "
            + "conflict_received_at, synced_at FROM scans ";

    private final Sql sql;

    ScanLog(Sql sql) {
        this.sql = sql;
    }

    /**
     * Records a redemption unless this device already redeemed the same voucher; in that case the
     * scan is recorded as REFUSED ({@value #ALREADY_REDEEMED}) and the first redemption returned.
     */
    public RecordResult redeem(NewScan scan) {
        if (scan.outcome() != Outcome.REDEEMED) {
            throw new IllegalArgumentException("redeem() takes REDEEMED scans");
        }
        return sql.transaction(() -> {
            Optional<ScanRecord> first =
                    redeemed(Objects.requireNonNull(scan.claimId(), "a REDEEMED scan has a claim id (see NewScan)"));
            if (first.isEmpty()) {
                insert(scan);
                return new RecordResult.Recorded(find(scan.clientId()).orElseThrow());
            }
            insert(new NewScan(
                    scan.clientId(),
                    scan.token(),
                    scan.claimId(),
                    scan.dealId(),
                    scan.userId(),
                    scan.expiresAt(),
                    scan.scannedAt(),
                    Outcome.REFUSED,
                    ALREADY_REDEEMED));
            return new RecordResult.AlreadyRedeemed(
                    first.get(), find(scan.clientId()).orElseThrow());
        });
    }

    /** Records a refused scan (logged for the merchant, uploaded like any other). */
    public ScanRecord refuse(NewScan scan) {
        if (scan.outcome() != Outcome.REFUSED) {
            throw new IllegalArgumentException("refuse() takes REFUSED scans");
        }
        return sql.transaction(() -> {
            insert(scan);
            return find(scan.clientId()).orElseThrow();
        });
    }

    public Optional<ScanRecord> find(UUID clientId) {
        return sql.first(SELECT + "WHERE client_id = ?", Rows::scan, clientId);
    }

    public Optional<ScanRecord> redeemed(UUID claimId) {
        return sql.first(SELECT + "WHERE outcome = 'REDEEMED' AND claim_id = ?", Rows::scan, claimId);
    }

    /** The oldest scans the server has not acknowledged, in scan order. */
    public List<ScanRecord> pending(int limit) {
        return sql.query(SELECT + "WHERE sync_state = 'PENDING' ORDER BY rowid LIMIT ?", Rows::scan, limit);
    }

    public int pendingCount() {
        return sql.first("SELECT count(*) FROM scans WHERE sync_state = 'PENDING'", rs -> rs.getInt(1))
                .orElse(0);
    }

    /** Scans the server reported as CONFLICT or REJECTED (also when learnt from a DUPLICATE). */
    public List<ScanRecord> problems() {
        return sql.query(
                SELECT + "WHERE server_status IN ('CONFLICT', 'REJECTED') OR conflict_redemption_id "
                        + "IS NOT NULL ORDER BY rowid DESC LIMIT ?",
                Rows::scan,
                500);
    }

    public int problemCount() {
        return sql.first(
                        "SELECT count(*) FROM scans WHERE server_status IN ('CONFLICT', 'REJECTED') "
                                + "OR conflict_redemption_id IS NOT NULL",
                        rs -> rs.getInt(1))
                .orElse(0);
    }

    public List<ScanRecord> all() {
        return sql.query(SELECT + "ORDER BY rowid", Rows::scan);
    }

    /**
     * Stores the server's answers. Only PENDING rows change, so an answer that arrives twice
     * (a resend after a lost response) is applied once.
     *
     * @return how many rows became SYNCED
     */
    public int applyAnswers(List<ServerAnswer> answers, Instant now) {
        return sql.transaction(() -> {
            int changed = 0;
            for (ServerAnswer a : answers) {
                ServerAnswer.Conflict c = a.conflict();
                changed += sql.update(
                        "UPDATE scans SET sync_state = 'SYNCED', server_status = ?, "
                                + "server_reason = ?, redemption_id = ?, conflict_redemption_id = ?, conflict_device_id = ?, "
                                + "conflict_scanned_at = ?, conflict_received_at = ?, synced_at = ? "
                                + "WHERE client_id = ? AND sync_state = 'PENDING'",
                        a.status(),
                        a.reason(),
                        a.redemptionId(),
                        c == null ? null : c.redemptionId(),
                        c == null ? null : c.deviceId(),
                        c == null ? null : c.scannedAt(),
                        c == null ? null : c.receivedAt(),
                        now,
                        a.clientId());
            }
            return changed;
        });
    }

    private void insert(NewScan s) throws java.sql.SQLException {
        sql.update(
                "INSERT INTO scans (client_id, token, claim_id, deal_id, user_id, expires_at, scanned_at, "
                        + "outcome, refusal_reason) VALUES (?,?,?,?,?,?,?,?,?)",
                s.clientId(),
                s.token(),
                s.claimId(),
                s.dealId(),
                s.userId(),
                s.expiresAt(),
                s.scannedAt(),
                s.outcome().name(),
                s.refusalReason());
    }
}
