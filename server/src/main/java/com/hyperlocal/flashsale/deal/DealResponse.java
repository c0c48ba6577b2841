package com.hyperlocal.flashsale.deal;

import java.time.Instant;
import java.util.UUID;

/** A deal as the API shows it; {@code claimCount} = units claimed so far. */
record DealResponse(UUID id, UUID merchantId, String title, String description, double latitude, double longitude,
        int totalInventory, int remainingInventory, int claimCount, Instant validFrom, Instant validUntil,
        DealStatus status, Instant createdAt, Instant closedAt) {
}
