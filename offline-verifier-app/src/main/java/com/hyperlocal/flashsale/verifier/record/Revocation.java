package com.hyperlocal.flashsale.verifier.record;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A voucher the merchant cancelled (refund, fraud, deal voided): tills must refuse it. */
public record Revocation(
        UUID claimId,
        @Nullable UUID dealId,
        @Nullable Instant revokedAt,
        @Nullable String reason) {

    public Revocation {
        Objects.requireNonNull(claimId, "claimId");
    }
}
