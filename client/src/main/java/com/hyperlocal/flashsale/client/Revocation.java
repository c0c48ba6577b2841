package com.hyperlocal.flashsale.client;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A voucher (claim) the merchant cancelled: tills must refuse it. {@code reason} may be null. */
public record Revocation(
        UUID claimId,
        UUID dealId,
        Instant revokedAt,
        @Nullable String reason) {}
