package com.hyperlocal.flashsale.claim;

import java.time.Instant;

/** What the claim engine decided for one request. */
sealed interface ClaimOutcome {

    record Granted(Claim claim) implements ClaimOutcome {}

    record AlreadyHeld(Claim claim) implements ClaimOutcome {}

    record SoldOut() implements ClaimOutcome {}

    record NotActive(Instant validFrom, Instant validUntil) implements ClaimOutcome {}

    record DealMissing() implements ClaimOutcome {}
}
