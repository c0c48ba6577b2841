package com.hyperlocal.flashsale.verifier.record;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A scan about to be recorded. Claim fields are null when the token could not be trusted
 * (a forged token's claims are not worth keeping apart from the raw token).
 */
public record NewScan(UUID clientId, String token, UUID claimId, UUID dealId, String userId,
                      Instant expiresAt, Instant scannedAt, Outcome outcome, String refusalReason) {

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
