package com.hyperlocal.flashsale.redemption;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.hyperlocal.flashsale.revocation.Revocation;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What the server made of each uploaded item, in upload order. */
record RedemptionResult(List<ItemResult> results) {

    enum Status {
        ACCEPTED,
        DUPLICATE,
        CONFLICT,
        REJECTED
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ItemResult(
            UUID clientId,
            Status status,
            @Nullable UUID redemptionId,
            @Nullable String reason,
            @Nullable FirstRedemption conflict,
            @Nullable Revocation revocation,
            @Nullable Boolean expired) {

        static ItemResult rejected(UUID clientId, String reason) {
            return new ItemResult(clientId, Status.REJECTED, null, reason, null, null, null);
        }
    }

    /** The redemption that was accepted first, which a CONFLICT item collided with. */
    record FirstRedemption(UUID redemptionId, String deviceId, Instant scannedAt, Instant receivedAt) {}
}
