package com.hyperlocal.flashsale.verifier.counter;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The result of one scan, ready to display.
 *
 * @param message   one plain-English sentence for the shop assistant
 * @param reason    the machine reason (e.g. EXPIRED, ALREADY_REDEEMED), null when VALID
 * @param dealTitle cached title, or null (show {@code dealId} then)
 * @param clientId  the recorded scan's id, null if nothing was recorded
 * @param earlier   for ALREADY_REDEEMED: when this device redeemed it; else null
 * @param detail    for REVOKED: the merchant's reason, if any; else null
 */
public record ScanOutcome(
        Verdict verdict,
        String message,
        @Nullable String reason,
        @Nullable UUID dealId,
        @Nullable String dealTitle,
        @Nullable String userId,
        @Nullable Instant expiresAt,
        @Nullable UUID clientId,
        Instant scannedAt,
        @Nullable Instant earlier,
        @Nullable String detail) {

    public ScanOutcome {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(message, "message");
    }
}
