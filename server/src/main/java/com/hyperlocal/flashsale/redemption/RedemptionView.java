package com.hyperlocal.flashsale.redemption;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A recorded redemption or logged scan, as a merchant lists them. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record RedemptionView(UUID id, UUID clientId, UUID claimId, UUID dealId, String userId, String deviceId,
        String outcome, String refusalReason, String status, Instant scannedAt, Instant receivedAt,
        RedemptionResult.FirstRedemption conflictsWith, boolean expired) {
}
