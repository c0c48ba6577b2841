package com.hyperlocal.flashsale.revocation;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A voucher (claim) its merchant cancelled; tills refuse it. {@code reason} may be null. */
public record Revocation(
        UUID claimId,
        UUID dealId,
        Instant revokedAt,
        @Nullable String reason) {

    /** Why the voucher must not be honoured, in a few words for a conflict listing. */
    public String describe() {
        return reason == null || reason.isBlank() ? "voucher revoked" : "voucher revoked (" + reason + ")";
    }
}
