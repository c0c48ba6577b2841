package com.hyperlocal.flashsale.verifier.record;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The server's answer for one uploaded scan.
 *
 * @param status       ACCEPTED, DUPLICATE, CONFLICT or REJECTED
 * @param conflict     for CONFLICT (or a DUPLICATE of one): the redemption that came first
 * @param revocation   for a CONFLICT with a revocation: the voucher's revocation (kept in the
 *                     revocation list, not in the scan row)
 */
public record ServerAnswer(
        UUID clientId,
        String status,
        @Nullable UUID redemptionId,
        @Nullable String reason,
        @Nullable Conflict conflict,
        @Nullable Revocation revocation) {

    public ServerAnswer(
            UUID clientId,
            String status,
            @Nullable UUID redemptionId,
            @Nullable String reason,
            @Nullable Conflict conflict) {
        this(clientId, status, redemptionId, reason, conflict, null);
    }

    public ServerAnswer {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(status, "status");
    }

    /** The first redemption of the same voucher, made elsewhere (or earlier). */
    public record Conflict(
            @Nullable UUID redemptionId,
            @Nullable String deviceId,
            @Nullable Instant scannedAt,
            @Nullable Instant receivedAt) {}
}
