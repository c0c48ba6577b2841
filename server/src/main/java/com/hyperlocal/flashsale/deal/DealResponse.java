package com.hyperlocal.flashsale.deal;

import java.time.Instant;
import java.util.UUID;

/** A deal as the API shows it. */
record DealResponse(UUID id, UUID merchantId, String title, String description, double latitude, double longitude,
        int totalInventory, int remainingInventory, Instant validFrom, Instant validUntil, DealStatus status,
        Instant createdAt) {
}
