package com.hyperlocal.flashsale.cli.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** The small response bodies of the merchant API, grouped to keep the package readable. */
public final class Records {

    private Records() {
    }

    public record DealList(List<Deal> deals) {
    }

    public record Merchant(UUID id, String name) {
    }

    public record VoucherConfiguration(String issuer, @JsonProperty("jwks_uri") String jwksUri) {
    }

    /** Result of a create: the deal and whether the server replayed an earlier create. */
    public record Created(Deal deal, boolean replayed) {
    }

    public record RedemptionList(List<Redemption> redemptions) {
    }

    /** Ids kept as strings: the till's ids are opaque and the CLI only displays them. */
    public record Redemption(String id, String clientId, String claimId, String dealId,
                             String userId, String deviceId, Instant scannedAt,
                             Instant receivedAt, String status, String outcome,
                             String refusalReason, JsonNode conflictsWith) {
    }
}
