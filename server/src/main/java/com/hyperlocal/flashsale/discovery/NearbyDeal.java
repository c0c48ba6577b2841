package com.hyperlocal.flashsale.discovery;

import java.time.Instant;
import java.util.UUID;

/** An active deal near the shopper, with its great-circle distance from the search centre. */
record NearbyDeal(
        UUID id,
        UUID merchantId,
        String title,
        String description,
        double latitude,
        double longitude,
        int totalInventory,
        int remainingInventory,
        Instant validFrom,
        Instant validUntil,
        double distanceKm) {}
