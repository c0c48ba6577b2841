package com.hyperlocal.flashsale.verifier.record;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A scan about to be recorded. Claim fields are null when the token could not be trusted
 * (a forged token's claims are not worth keeping apart from the raw token).
 */
public record NewScan(
        UUID clientId,
        String token,
        @Nullable UUID claimId,
        @Nullable UUID dealId,
        @Nullable String userId,
        @Nullable Instant expiresAt,
        Instant scannedAt,
        Outcome outcome,
        @Nullable String refusalReason) {

    public NewScan {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(scannedAt, "scannedAt");
        Objects.requireNonNull(outcome, "outcome");
        if (outcome == Outcome.REDEEMED && claimId == null) {
            throw new IllegalArgumentException("a redemption needs the voucher's claim id");
        }
    }
}
