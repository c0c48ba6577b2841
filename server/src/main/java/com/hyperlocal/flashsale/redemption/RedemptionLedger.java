package com.hyperlocal.flashsale.redemption;

import com.hyperlocal.flashsale.revocation.Revocation;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
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
    record IssuedVoucher(
            UUID claimId,
            UUID dealId,
            String userId,
            UUID merchantId,
            String token,
            @Nullable Instant expiresAt) {}

    record Stored(UUID id, String status, @Nullable UUID conflictsWith) {}

    record NewRow(
            UUID merchantId,
            UUID clientId,
            String deviceId,
            @Nullable UUID claimId,
            @Nullable UUID dealId,
            @Nullable String userId,
            String token,
            String outcome,
            @Nullable String refusalReason,
            Instant scannedAt,
            Instant receivedAt,
            boolean expired) {}

    Optional<Stored> byClientId(UUID merchantId, UUID clientId) {
        return jdbc.sql("SELECT id, status, conflicts_with FROM redemptions WHERE merchant_id = :m AND client_id = :c")
                .param("m", merchantId)
                .param("c", clientId)
                .query((rs, n) -> new Stored(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class)))
                .optional();
    }

    Optional<IssuedVoucher> issued(UUID claimId) {
        return jdbc.sql("""
                        SELECT c.id, c.deal_id, c.user_id, d.merchant_id, c.voucher_token, c.voucher_expires_at
                        FROM claims c JOIN deals d ON d.id = c.deal_id WHERE c.id = :id""")
                .param("id", claimId)
                .query((rs, n) -> new IssuedVoucher(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        rs.getString(3),
                        rs.getObject(4, UUID.class),
                        rs.getString(5),
                        instant(rs, 6)))
                .optional();
    }

    /** Inserts as ACCEPTED unless the voucher already has an accepted redemption. */
    Optional<UUID> insertAccepted(NewRow row) {
        return insert(row, "ACCEPTED", null, null, "ON CONFLICT (claim_id) WHERE status = 'ACCEPTED' DO NOTHING");
    }

    UUID insertConflict(NewRow row, UUID firstId) {
        return insert(row, "CONFLICT", firstId, null, "").orElseThrow();
    }

    /** A redemption of a revoked voucher; {@code firstId} also names an earlier accepted one, if any. */
    UUID insertRevokedConflict(NewRow row, @Nullable UUID firstId) {
        return insert(row, "CONFLICT", firstId, row.claimId(), "").orElseThrow();
    }

    UUID insertLogged(NewRow row) {
        return insert(row, "LOGGED", null, null, "").orElseThrow();
    }

    Optional<RedemptionResult.FirstRedemption> first(UUID redemptionId) {
        return jdbc.sql("SELECT id, device_id, scanned_at, received_at FROM redemptions WHERE id = :id")
                .param("id", redemptionId)
                .query((rs, n) -> new RedemptionResult.FirstRedemption(
                        rs.getObject(1, UUID.class), rs.getString(2), present(rs, 3), present(rs, 4)))
                .optional();
    }

    Optional<UUID> acceptedFor(UUID claimId) {
        return jdbc.sql("SELECT id FROM redemptions WHERE claim_id = :c AND status = 'ACCEPTED'")
                .param("c", claimId)
                .query(UUID.class)
                .optional();
    }

    /**
     * Newest first. A conflict is a CONFLICT row, or an accepted redemption whose voucher was
     * revoked afterwards (the revocation arrived after the till's upload).
     */
    List<RedemptionView> list(UUID merchantId, boolean conflictsOnly, int limit) {
        return jdbc.sql("""
                        SELECT r.id, r.client_id, r.claim_id, r.deal_id, r.user_id, r.device_id, r.outcome,
                               r.refusal_reason, r.status, r.scanned_at, r.received_at,
                               f.id, f.device_id, f.scanned_at, f.received_at,
                               v.claim_id, v.deal_id, v.revoked_at, v.reason, r.token, r.expired
                        FROM redemptions r LEFT JOIN redemptions f ON f.id = r.conflicts_with
                        LEFT JOIN revocations v ON v.claim_id = r.claim_id
                        WHERE r.merchant_id = :m AND (:conflictsOnly = false OR r.status = 'CONFLICT'
                              OR (r.status = 'ACCEPTED' AND v.claim_id IS NOT NULL))
                        ORDER BY r.received_at DESC, r.id LIMIT :limit""")
                .param("m", merchantId)
                .param("conflictsOnly", conflictsOnly)
                .param("limit", limit)
                .query((rs, n) -> view(rs))
                .list();
    }

    private static RedemptionView view(ResultSet rs) throws SQLException {
        String status = rs.getString(9);
        RedemptionResult.FirstRedemption first = rs.getObject(12) == null
                ? null
                : new RedemptionResult.FirstRedemption(
                        rs.getObject(12, UUID.class), rs.getString(13), present(rs, 14), present(rs, 15));
        Revocation revocation = rs.getObject(16) == null
                ? null
                : new Revocation(
                        rs.getObject(16, UUID.class), rs.getObject(17, UUID.class), present(rs, 18), rs.getString(19));
        return new RedemptionView(
                rs.getObject(1, UUID.class),
                rs.getObject(2, UUID.class),
                rs.getObject(3, UUID.class),
                rs.getObject(4, UUID.class),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                rs.getString(8),
                status,
                present(rs, 10),
                present(rs, 11),
                conflictReason(status, first, revocation),
                first,
                revocation,
                "LOGGED".equals(status) ? rs.getString(20) : null,
                rs.getBoolean(21));
    }

    static @Nullable String conflictReason(
            String status, RedemptionResult.@Nullable FirstRedemption first, @Nullable Revocation revocation) {
        if ("CONFLICT".equals(status)) {
            String revoked = revocation == null ? null : revocation.describe();
            String again = first == null ? null : "already redeemed";
            return revoked == null ? again : again == null ? revoked : revoked + "; " + again;
        }
        if ("ACCEPTED".equals(status) && revocation != null) {
            return revocation.describe() + " after it was redeemed";
        }
        return null;
    }

    private Optional<UUID> insert(
            NewRow row, String status, @Nullable UUID conflictsWith, @Nullable UUID revokedClaim, String onConflict) {
        UUID id = UUID.randomUUID();
        int inserted = jdbc.sql("""
                        INSERT INTO redemptions (id, merchant_id, client_id, device_id, claim_id, deal_id, user_id, token,
                                                 outcome, refusal_reason, status, conflicts_with, revoked_claim_id,
                                                 scanned_at, received_at, expired)
                        VALUES (:id, :merchant, :client, :device, :claim, :deal, :user, :token,
                                :outcome, :reason, :status, :conflictsWith, :revokedClaim, :scanned, :received, :expired)
                        """ + onConflict)
                .param("id", id)
                .param("merchant", row.merchantId())
                .param("client", row.clientId())
                .param("device", row.deviceId())
                .param("claim", row.claimId())
                .param("deal", row.dealId())
                .param("user", row.userId())
                .param("token", row.token())
                .param("outcome", row.outcome())
                .param("reason", row.refusalReason())
                .param("status", status)
                .param("conflictsWith", conflictsWith)
                .param("revokedClaim", revokedClaim)
                .param("scanned", row.scannedAt().atOffset(ZoneOffset.UTC))
                .param("received", row.receivedAt().atOffset(ZoneOffset.UTC))
                .param("expired", row.expired())
                .update();
        return inserted == 1 ? Optional.of(id) : Optional.empty();
    }

    private static Instant present(ResultSet rs, int column) throws SQLException {
        return Objects.requireNonNull(instant(rs, column), "a NOT NULL column");
    }

    private static @Nullable Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }
}
