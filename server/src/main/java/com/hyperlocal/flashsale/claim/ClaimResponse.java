package com.hyperlocal.flashsale.claim;

import java.time.Instant;
import java.util.UUID;

record ClaimResponse(UUID id, UUID dealId, String userId, Instant claimedAt) {
}
