package com.hyperlocal.flashsale.claim;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * @param voucher          the signed voucher token (compact JWS, see docs/voucher-format.md); the QR
 *                         code of exactly this string is at {@code /api/v1/claims/{id}/qr}
 * @param voucherExpiresAt the voucher's {@code exp}: the deal's end, rounded up to a whole second
 */
record ClaimResponse(
        UUID id,
        UUID dealId,
        String userId,
        Instant claimedAt,
        @Nullable String voucher,
        @Nullable Instant voucherExpiresAt) {}
