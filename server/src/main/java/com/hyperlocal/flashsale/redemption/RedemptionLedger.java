package com.hyperlocal.flashsale.redemption;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for redemptions. The unique indexes, not this code, decide duplicates and conflicts. */
@Repository
class RedemptionLedger {

    private final JdbcClient jdbc;

    RedemptionLedger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The voucher the server issued for a claim, and whose deal it is. */
    record IssuedVoucher(UUID claimId, UUID dealId, String userId, UUID merchantId, String token, Instant expiresAt) {
    }

    record Stored(UUID id, String status, UUID conflictsWith) {
    }

    record NewRow(UUID merchantId, UUID clientId, String deviceId, UUID claimId, UUID dealId, String userId,
            String token, String outcome, String refusalReason, Instant scannedAt, Instant receivedAt, boolean expired) {
    }

    Optional<Stored> byClientId(UUID merchantId, UUID clientId) {
        return jdbc.sql("SELECT id, status, conflicts_with FROM redemptions WHERE merchant_id = :m AND client_id = :c")
                .param("m", merchantId).param("c", clientId)
                .query((rs, n) -> new Stored(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class)))
                .optional();
    }

    Optional<IssuedVoucher> issued(UUID claimId) {
        return jdbc.sql("""
                        SELECT c.id, c.deal_id, c.user_id, d.merchant_id, c.voucher_token, c.voucher_expires_at
                        FROM claims c JOIN deals d ON d.id = c.deal_id WHERE c.id = :id""")
                .param("id", claimId)
                .query((rs, n) -> new IssuedVoucher(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getString(3), rs.getObject(4, UUID.class), rs.getString(5), instant(rs, 6)))
                .optional();
    }

    /** Inserts as ACCEPTED unless the voucher already has an accepted redemption. */
    Optional<UUID> insertAccepted(NewRow row) {
        return insert(row, "ACCEPTED", null, "ON CONFLICT (claim_id) WHERE status = 'ACCEPTED' DO NOTHING");
    }

    UUID insertConflict(NewRow row, UUID firstId) {
        return insert(row, "CONFLICT", firstId, "").orElseThrow();
    }

    UUID insertLogged(NewRow row) {
        return insert(row, "LOGGED", null, "").orElseThrow();
    }

    Optional<RedemptionResult.FirstRedemption> first(UUID redemptionId) {
        return jdbc.sql("SELECT id, device_id, scanned_at, received_at FROM redemptions WHERE id = :id")
                .param("id", redemptionId)
                .query((rs, n) -> new RedemptionResult.FirstRedemption(rs.getObject(1, UUID.class), rs.getString(2),
                        instant(rs, 3), instant(rs, 4)))
                .optional();
    }

    Optional<UUID> acceptedFor(UUID claimId) {
        return jdbc.sql("SELECT id FROM redemptions WHERE claim_id = :c AND status = 'ACCEPTED'")
                .param("c", claimId).query(UUID.class).optional();
    }

    List<RedemptionView> list(UUID merchantId, boolean conflictsOnly, int limit) {
        return jdbc.sql("""
                        SELECT r.id, r.client_id, r.claim_id, r.deal_id, r.user_id, r.device_id, r.outcome,
                               r.refusal_reason, r.status, r.scanned_at, r.received_at,
                               f.id, f.device_id, f.scanned_at, f.received_at, r.expired
                        FROM redemptions r LEFT JOIN redemptions f ON f.id = r.conflicts_with
                        WHERE r.merchant_id = :m AND (:conflictsOnly = false OR r.status = 'CONFLICT')
                        ORDER BY r.received_at DESC, r.id LIMIT :limit""")
                .param("m", merchantId).param("conflictsOnly", conflictsOnly).param("limit", limit)
                .query((rs, n) -> new RedemptionView(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class), rs.getObject(4, UUID.class), rs.getString(5), rs.getString(6),
                        rs.getString(7), rs.getString(8), rs.getString(9), instant(rs, 10), instant(rs, 11),
                        rs.getObject(12) == null ? null : new RedemptionResult.FirstRedemption(
                                rs.getObject(12, UUID.class), rs.getString(13), instant(rs, 14), instant(rs, 15)),
                        rs.getBoolean(16)))
                .list();
    }

    private Optional<UUID> insert(NewRow row, String status, UUID conflictsWith, String onConflict) {
        UUID id = UUID.randomUUID();
        int inserted = jdbc.sql("""
                        INSERT INTO redemptions (id, merchant_id, client_id, device_id, claim_id, deal_id, user_id, token,
                                                 outcome, refusal_reason, status, conflicts_with, scanned_at, received_at,
                                                 expired)
                        VALUES (:id, :merchant, :client, :device, :claim, :deal, :user, :token,
                                :outcome, :reason, :status, :conflictsWith, :scanned, :received, :expired)
                        """ + onConflict)
                .param("id", id).param("merchant", row.merchantId()).param("client", row.clientId())
                .param("device", row.deviceId()).param("claim", row.claimId()).param("deal", row.dealId())
                .param("user", row.userId()).param("token", row.token()).param("outcome", row.outcome())
                .param("reason", row.refusalReason()).param("status", status).param("conflictsWith", conflictsWith)
                .param("scanned", row.scannedAt().atOffset(ZoneOffset.UTC))
                .param("received", row.receivedAt().atOffset(ZoneOffset.UTC))
                .param("expired", row.expired())
                .update();
        return inserted == 1 ? Optional.of(id) : Optional.empty();
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }
}
