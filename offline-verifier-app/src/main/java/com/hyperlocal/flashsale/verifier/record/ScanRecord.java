package com.hyperlocal.flashsale.verifier.record;

import java.time.Instant;
import java.util.UUID;

/** One row of the scans table, as stored. */
public record ScanRecord(UUID clientId, String token, UUID claimId, UUID dealId, String userId,
                         Instant expiresAt, Instant scannedAt, Outcome outcome, String refusalReason,
                         SyncState syncState, String serverStatus, String serverReason,
                         UUID redemptionId, ServerAnswer.Conflict conflict, Instant syncedAt) {
}
