package com.hyperlocal.flashsale.claim;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One row of {@code claim_batch} (V5) or {@code claim_batches} (V60): the deal's row carries terms
 * and remaining, a claim's row the rest; {@code dealId} is null for {@code claim_batch}, whose rows
 * all concern the one deal of the call.
 */
record BatchRow(
        @Nullable UUID dealId,
        String status,
        @Nullable String userId,
        @Nullable UUID claimId,
        @Nullable Instant claimedAt,
        @Nullable String token,
        @Nullable Instant expiresAt,
        ClaimWriter.@Nullable DealTerms terms,
        @Nullable Integer remaining) {

    boolean isClaim() {
        return status.equals("GRANTED") || status.equals("HELD");
    }

    String claimant() {
        return Objects.requireNonNull(userId, "a claim row names its user");
    }

    int left() {
        return Objects.requireNonNull(remaining, "the deal row of an existing deal carries its remaining count");
    }

    static BatchRow of(ResultSet rs, boolean withDeal) throws SQLException {
        UUID merchant = rs.getObject("merchant_id", UUID.class);
        ClaimWriter.DealTerms terms = merchant == null
                ? null
                : new ClaimWriter.DealTerms(
                        merchant, present(rs.getTimestamp("valid_from")), present(rs.getTimestamp("valid_until")));
        int left = rs.getInt("remaining");
        Integer remaining = rs.wasNull() ? null : left;
        return new BatchRow(
                withDeal ? rs.getObject("deal_id", UUID.class) : null,
                rs.getString("status"),
                rs.getString("user_id"),
                rs.getObject("claim_id", UUID.class),
                instant(rs.getTimestamp("claimed_at")),
                rs.getString("voucher_token"),
                instant(rs.getTimestamp("voucher_expires_at")),
                terms,
                remaining);
    }

    private static Instant present(@Nullable Timestamp t) {
        return Objects.requireNonNull(instant(t), "a deal has its validity");
    }

    private static @Nullable Instant instant(@Nullable Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
