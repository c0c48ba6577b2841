package com.hyperlocal.flashsale.cli.http;

import java.time.Instant;
import java.util.UUID;

/** A deal as the server returns it; {@code claimCount} only on merchant endpoints. */
public record Deal(UUID id, UUID merchantId, String title, String description, double latitude,
                   double longitude, int totalInventory, int remainingInventory,
                   Instant validFrom, Instant validUntil, String status, Instant createdAt,
                   Long claimCount) {
}
