package com.hyperlocal.flashsale.verifier.record;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A voucher the merchant cancelled (refund, fraud, deal voided): tills must refuse it. */
public record Revocation(UUID claimId, UUID dealId, Instant revokedAt, String reason) {

    public Revocation {
        Objects.requireNonNull(claimId, "claimId");
    }
}
