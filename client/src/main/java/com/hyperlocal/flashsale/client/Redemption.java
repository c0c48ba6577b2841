package com.hyperlocal.flashsale.client;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A recorded redemption or logged scan, as {@code GET /api/v1/merchant/redemptions} lists them.
 * Ids are strings: a till's ids are opaque and the listing only displays them.
 *
 * @param status ACCEPTED, CONFLICT or LOGGED (a refused scan)
 * @param conflictReason why it is listed as a conflict (already redeemed, revoked), else null
 * @param conflictsWith the redemption accepted first, when this one collided with it
 * @param revocation the voucher's revocation, when it has one
 * @param token the scanned token, for refused scans only (the server knows nothing else of them)
 */
public record Redemption(
        String id,
        @Nullable String clientId,
        @Nullable String claimId,
        @Nullable String dealId,
        @Nullable String userId,
        @Nullable String deviceId,
        @Nullable Instant scannedAt,
        @Nullable Instant receivedAt,
        @Nullable String status,
        @Nullable String outcome,
        @Nullable String refusalReason,
        @Nullable String conflictReason,
        Upload.@Nullable FirstRedemption conflictsWith,
        @Nullable Revocation revocation,
        @Nullable String token) {}
