package com.hyperlocal.flashsale.client;

import java.time.Instant;

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
public record Redemption(String id, String clientId, String claimId, String dealId,
                         String userId, String deviceId, Instant scannedAt,
                         Instant receivedAt, String status, String outcome,
                         String refusalReason, String conflictReason,
                         Upload.FirstRedemption conflictsWith, Revocation revocation, String token) {
}
