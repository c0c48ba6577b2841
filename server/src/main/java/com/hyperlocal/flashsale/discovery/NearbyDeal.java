package com.hyperlocal.flashsale.discovery;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * An active deal near the shopper, with its great-circle distance from the search centre. {@code
 * json} is the reusable encoding of the other fields (shared by every answer a cached tile gives).
 */
@JsonSerialize(using = NearbyDealSerializer.class)
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
        double distanceKm,
        @JsonIgnore @Schema(hidden = true) DealJson json) {}
