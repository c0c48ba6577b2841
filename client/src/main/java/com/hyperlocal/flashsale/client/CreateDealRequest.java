package com.hyperlocal.flashsale.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Body of {@code POST /api/v1/deals}; a null validFrom lets the server use its own "now". The end
 * is validUntil or, instead, a duration after the start: "two hours from now" sent as a duration
 * is the same request when it is retried later, so its Idempotency-Key matches.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CreateDealRequest(
        String title,
        @Nullable String description,
        double latitude,
        double longitude,
        int totalInventory,
        @Nullable Instant validFrom,
        @Nullable Instant validUntil,
        @Nullable Duration duration) {

    /** A deal with a fixed end. */
    public CreateDealRequest(
            String title,
            @Nullable String description,
            double latitude,
            double longitude,
            int totalInventory,
            @Nullable Instant validFrom,
            Instant validUntil) {
        this(title, description, latitude, longitude, totalInventory, validFrom, validUntil, null);
    }
}
