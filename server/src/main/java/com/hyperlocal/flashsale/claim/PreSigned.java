package com.hyperlocal.flashsale.claim;

import java.time.Instant;
import java.util.UUID;

/**
 * A voucher signed in the request's own thread before it joins the queue, so the batch holding the
 * deal's lock does not spend ~0.1–0.5 ms per claim on ECDSA. Used only if the deal's terms it was
 * signed for still hold when the batch commits; otherwise the batch signs afresh.
 */
record PreSigned(UUID claimId, Instant claimedAt, String token, String kid, UUID merchantId, Instant expiresAt) {

    @Override
    public String toString() { // the token is a bearer credential
        return "PreSigned[claimId=" + claimId + ", kid=" + kid + "]";
    }
}
