package com.hyperlocal.flashsale.revocation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for revocations. The unique claim_id, not this code, makes a revocation happen once. */
@Repository
class RevocationLedger {

    private static final String COLUMNS = "claim_id, deal_id, revoked_at, reason";

    private final JdbcClient jdbc;

    RevocationLedger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Row(long seq, Revocation revocation) {}

    /** Serialises this merchant's revocation writers, so seqs commit in order (see V30). */
    void lockMerchant(UUID merchantId) {
        jdbc.sql("SELECT id FROM merchants WHERE id = :m FOR NO KEY UPDATE")
                .param("m", merchantId)
                .query(UUID.class)
                .optional();
    }

    /** The deal of one of this merchant's claims; empty for another merchant's or an unknown claim. */
    Optional<UUID> dealOfOwnClaim(UUID merchantId, UUID claimId) {
        return jdbc.sql("SELECT c.deal_id FROM claims c JOIN deals d ON d.id = c.deal_id "
                        + "WHERE c.id = :c AND d.merchant_id = :m")
                .param("c", claimId)
                .param("m", merchantId)
                .query(UUID.class)
                .optional();
    }

    void insertOnce(UUID merchantId, UUID claimId, UUID dealId, @Nullable String reason, Instant now) {
        jdbc.sql("""
                        INSERT INTO revocations (claim_id, deal_id, merchant_id, reason, revoked_at)
                        VALUES (:c, :d, :m, :reason, :now) ON CONFLICT (claim_id) DO NOTHING""")
                .param("c", claimId)
                .param("d", dealId)
                .param("m", merchantId)
                .param("reason", reason)
                .param("now", now.atOffset(ZoneOffset.UTC))
                .update();
    }

    /** Revokes every voucher of the deal that has no accepted redemption; returns how many. */
    int insertUnredeemed(UUID merchantId, UUID dealId, String reason, Instant now) {
        return jdbc.sql("""
                        INSERT INTO revocations (claim_id, deal_id, merchant_id, reason, revoked_at)
                        SELECT c.id, c.deal_id, :m, :reason, :now FROM claims c
                        WHERE c.deal_id = :d
                          AND NOT EXISTS (SELECT 1 FROM redemptions r WHERE r.claim_id = c.id AND r.status = 'ACCEPTED')
                        ORDER BY c.claimed_at, c.id
                        ON CONFLICT (claim_id) DO NOTHING""")
                .param("m", merchantId)
                .param("d", dealId)
                .param("reason", reason)
                .param("now", now.atOffset(ZoneOffset.UTC))
                .update();
    }

    Optional<Revocation> byClaim(UUID claimId) {
        return jdbc.sql("SELECT seq, " + COLUMNS + " FROM revocations WHERE claim_id = :c")
                .param("c", claimId)
                .query(RevocationLedger::row)
                .optional()
                .map(Row::revocation);
    }

    List<Row> after(UUID merchantId, long seq, int limit) {
        return jdbc.sql("SELECT seq, " + COLUMNS + " FROM revocations WHERE merchant_id = :m AND seq > :seq "
                        + "ORDER BY seq LIMIT :limit")
                .param("m", merchantId)
                .param("seq", seq)
                .param("limit", limit)
                .query(RevocationLedger::row)
                .list();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(
                rs.getLong(1),
                new Revocation(
                        rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class),
                        rs.getTimestamp(4).toInstant(),
                        rs.getString(5)));
    }
}
