package com.hyperlocal.flashsale.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** {@code POST /api/v1/redemptions}: a device's queued scans and what the server made of each. */
public final class Upload {

    /** The server takes at most this many items per upload. */
    public static final int MAX_ITEMS = 500;

    private Upload() {}

    public enum Outcome {
        REDEEMED,
        REFUSED
    }

    /** One scan as the device recorded it; {@code clientId} is made on the device, never reused. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(
            UUID clientId,
            String token,
            Instant scannedAt,
            Outcome outcome,
            @Nullable String refusalReason) {}

    record Body(String deviceId, List<Item> items) {}

    /** ACCEPTED, DUPLICATE, CONFLICT or REJECTED. */
    public enum Status {
        ACCEPTED,
        DUPLICATE,
        CONFLICT,
        REJECTED
    }

    /**
     * The answer for one item, in upload order. A CONFLICT names the redemption accepted first
     * ({@code conflict}) or the voucher's revocation ({@code revocation}), or both.
     */
    public record ItemResult(
            UUID clientId,
            Status status,
            @Nullable UUID redemptionId,
            @Nullable String reason,
            @Nullable FirstRedemption conflict,
            @Nullable Revocation revocation) {}

    public record Result(List<ItemResult> results) {

        public Result {
            results = results == null ? List.of() : List.copyOf(results);
        }
    }

    /** The redemption accepted first, which a conflicting one collided with. */
    public record FirstRedemption(String redemptionId, String deviceId, Instant scannedAt, Instant receivedAt) {}
}
