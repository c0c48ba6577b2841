package com.hyperlocal.flashsale.redemption;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.hyperlocal.flashsale.revocation.Revocation;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A recorded redemption or logged scan, as a merchant lists them. {@code conflictReason} says why
 * it is a conflict (already redeemed, the voucher revoked before or after it was redeemed);
 * {@code token} only for logged refused scans, whose deal and shopper the server does not know.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record RedemptionView(
        UUID id,
        UUID clientId,
        @Nullable UUID claimId,
        @Nullable UUID dealId,
        @Nullable String userId,
        String deviceId,
        String outcome,
        @Nullable String refusalReason,
        String status,
        Instant scannedAt,
        Instant receivedAt,
        @Nullable String conflictReason,
        RedemptionResult.@Nullable FirstRedemption conflictsWith,
        @Nullable Revocation revocation,
        @Nullable String token,
        boolean expired) {}
