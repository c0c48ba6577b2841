package com.hyperlocal.flashsale.claim;

import java.time.Instant;
import java.util.UUID;

/** One voucher held by one user for one deal. */
record Claim(UUID id, UUID dealId, String userId, Instant claimedAt) {

    ClaimResponse toResponse() {
        return new ClaimResponse(id, dealId, userId, claimedAt);
    }
}
