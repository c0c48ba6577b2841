package com.hyperlocal.flashsale.deal;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A deal as the API shows it; {@code claimCount} = units claimed so far; {@code voidedVouchers}
 * only in the answer to a close with {@code voidVouchers=true}.
 */
record DealResponse(
        UUID id,
        UUID merchantId,
        String title,
        String description,
        double latitude,
        double longitude,
        int totalInventory,
        int remainingInventory,
        int claimCount,
        Instant validFrom,
        Instant validUntil,
        DealStatus status,
        Instant createdAt,
        @Nullable Instant closedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Integer voidedVouchers) {

    DealResponse withVoidedVouchers(int count) {
        return new DealResponse(
                id,
                merchantId,
                title,
                description,
                latitude,
                longitude,
                totalInventory,
                remainingInventory,
                claimCount,
                validFrom,
                validUntil,
                status,
                createdAt,
                closedAt,
                count);
    }
}
