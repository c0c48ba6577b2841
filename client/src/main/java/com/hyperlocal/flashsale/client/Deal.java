package com.hyperlocal.flashsale.client;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A deal as the server returns it. {@code status} is UPCOMING, ACTIVE, SOLD_OUT or ENDED (kept
 * a string so a newer server's status does not break an older client); {@code closedAt} is set
 * when the merchant ended it early; {@code voidedVouchers} only in the answer to a close that
 * voided vouchers.
 */
public record Deal(
        UUID id,
        UUID merchantId,
        String title,
        @Nullable String description,
        double latitude,
        double longitude,
        int totalInventory,
        int remainingInventory,
        Instant validFrom,
        Instant validUntil,
        String status,
        Instant createdAt,
        @Nullable Long claimCount,
        @Nullable Instant closedAt,
        @Nullable Integer voidedVouchers) {

    /** True when vouchers of this deal must no longer be honoured at {@code now}. */
    public boolean endedAt(Instant now) {
        return closedAt != null || validUntil != null && !now.isBefore(validUntil);
    }
}
