package com.hyperlocal.flashsale.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/** Body of {@code POST /api/v1/deals}; a null validFrom lets the server use its own "now". */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CreateDealRequest(String title, String description, double latitude,
                                double longitude, int totalInventory, Instant validFrom,
                                Instant validUntil) {
}
