package com.hyperlocal.flashsale.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Body of {@code POST /api/v1/deals}; a null validFrom lets the server use its own "now". */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CreateDealRequest(
        String title,
        @Nullable String description,
        double latitude,
        double longitude,
        int totalInventory,
        @Nullable Instant validFrom,
        Instant validUntil) {}
