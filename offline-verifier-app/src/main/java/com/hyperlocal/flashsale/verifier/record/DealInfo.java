package com.hyperlocal.flashsale.verifier.record;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One of the merchant's deals as last synced: enough to name it on the result screen and to
 * refuse its vouchers offline once the merchant closed it and voided them.
 *
 * @param status         the server's word (UPCOMING, ACTIVE, SOLD_OUT, ENDED, …), informative
 * @param closedAt       when the merchant closed it early; null if not closed
 * @param vouchersVoided the merchant closed it and cancelled its unredeemed vouchers
 */
public record DealInfo(
        UUID id,
        String title,
        @Nullable Instant validFrom,
        @Nullable Instant validUntil,
        @Nullable String status,
        @Nullable Instant closedAt,
        boolean vouchersVoided) {

    public DealInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
    }
}
