package com.hyperlocal.flashsale.verifier.record;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The server's answer for one uploaded scan.
 *
 * @param status       ACCEPTED, DUPLICATE, CONFLICT or REJECTED
 * @param conflict     for CONFLICT (or a DUPLICATE of one): the redemption that came first
 * @param revocation   for a CONFLICT with a revocation: the voucher's revocation (kept in the
 *                     revocation list, not in the scan row)
 */
public record ServerAnswer(UUID clientId, String status, UUID redemptionId, String reason,
                           Conflict conflict, Revocation revocation) {

    public ServerAnswer(UUID clientId, String status, UUID redemptionId, String reason, Conflict conflict) {
        this(clientId, status, redemptionId, reason, conflict, null);
    }

    public ServerAnswer {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(status, "status");
    }

    /** The first redemption of the same voucher, made elsewhere (or earlier). */
    public record Conflict(UUID redemptionId, String deviceId, Instant scannedAt, Instant receivedAt) {
    }
}
