package com.hyperlocal.flashsale.deal;

import java.time.Instant;

/** Where a deal stands at a given moment; derived, never stored. */
public enum DealStatus {
    UPCOMING,
    ACTIVE,
    SOLD_OUT,
    ENDED;

    public static DealStatus of(Instant validFrom, Instant validUntil, int remaining, Instant now) {
        if (!now.isBefore(validUntil)) {
            return ENDED;
        }
        if (now.isBefore(validFrom)) {
            return UPCOMING;
        }
        return remaining > 0 ? ACTIVE : SOLD_OUT;
    }
}
