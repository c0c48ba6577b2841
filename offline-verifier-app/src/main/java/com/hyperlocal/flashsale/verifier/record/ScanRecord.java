package com.hyperlocal.flashsale.verifier.record;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One row of the scans table, as stored. */
public record ScanRecord(
        UUID clientId,
        String token,
        @Nullable UUID claimId,
        @Nullable UUID dealId,
        @Nullable String userId,
        @Nullable Instant expiresAt,
        Instant scannedAt,
        Outcome outcome,
        @Nullable String refusalReason,
        SyncState syncState,
        @Nullable String serverStatus,
        @Nullable String serverReason,
        @Nullable UUID redemptionId,
        ServerAnswer.@Nullable Conflict conflict,
        @Nullable Instant syncedAt) {}
