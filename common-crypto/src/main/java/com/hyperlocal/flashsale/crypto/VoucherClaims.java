package com.hyperlocal.flashsale.crypto;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/**
 * The claims carried by a voucher JWT.
 *
 * <p>JWT mapping: {@code issuer → iss}, {@code userId → sub}, {@code claimId → jti},
 * {@code dealId → deal}, {@code merchantId → mid}, {@code issuedAt → iat},
 * {@code expiresAt → exp}. Claim names are short on purpose: every byte grows the QR code.
 *
 * <p>Times are truncated to whole seconds here, because that is all a JWT NumericDate carries;
 * this keeps {@code sign → verify} round trips equal.
 *
 * <p>Immutable and thread-safe.
 */
public record VoucherClaims(
        String issuer, String userId, UUID claimId, UUID dealId, UUID merchantId, Instant issuedAt, Instant expiresAt) {

    public VoucherClaims {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(claimId, "claimId");
        Objects.requireNonNull(dealId, "dealId");
        Objects.requireNonNull(merchantId, "merchantId");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (issuer.isBlank()) {
            throw new IllegalArgumentException("issuer must not be blank");
        }
        if (userId.isBlank()) {
            throw new IllegalArgumentException("userId must not be blank");
        }
        issuedAt = issuedAt.truncatedTo(ChronoUnit.SECONDS);
        expiresAt = expiresAt.truncatedTo(ChronoUnit.SECONDS);
        if (!expiresAt.isAfter(issuedAt)) {
            throw new IllegalArgumentException("expiresAt must be after issuedAt");
        }
    }
}
