package com.hyperlocal.flashsale.claim;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One voucher held by one user for one deal. {@code voucher} is the signed token issued with the
 * claim (null only for claims written before vouchers existed).
 */
record Claim(
        UUID id,
        UUID dealId,
        String userId,
        Instant claimedAt,
        @Nullable String voucher,
        @Nullable Instant voucherExpiresAt) {

    ClaimResponse toResponse() {
        return new ClaimResponse(id, dealId, userId, claimedAt, voucher, voucherExpiresAt);
    }

    @Override
    public String toString() { // the token is a bearer credential: keep it out of logs
        return "Claim[id=" + id + ", dealId=" + dealId + ", userId=" + userId + ", claimedAt=" + claimedAt + "]";
    }
}
