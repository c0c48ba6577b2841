package com.hyperlocal.flashsale.cli.voucher;

import com.hyperlocal.flashsale.client.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Best-effort read of a voucher's payload without checking its signature, for display (an
 * invalid or refused voucher: which deal and shopper it claims) and to name the voucher a
 * merchant revokes (the server checks the claim is theirs). Never used to accept a voucher.
 */
public final class UnverifiedClaims {

    private UnverifiedClaims() {}

    /** {@code deal}, {@code sub} and {@code exp} (ISO instant) as far as readable; empty for garbage. */
    public static Map<String, Object> peek(String token) {
        Map<String, Object> m = new LinkedHashMap<>();
        try {
            Optional<JsonNode> read = payload(token);
            if (read.isEmpty()) {
                return m;
            }
            JsonNode payload = read.get();
            for (String name : new String[] {"deal", "sub"}) {
                JsonNode v = payload.get(name);
                if (v != null && v.isString()) {
                    m.put(name, v.asString());
                }
            }
            JsonNode exp = payload.get("exp");
            if (exp != null && exp.canConvertToLong()) {
                m.put("exp", Instant.ofEpochSecond(exp.asLong()).toString());
            }
        } catch (RuntimeException e) {
            m.clear(); // garbage in: show nothing rather than half of it
        }
        return m;
    }

    /** The voucher id ({@code jti}, the claim id) a token names, if it reads as one. */
    public static Optional<UUID> claimId(String token) {
        try {
            JsonNode jti = payload(token).map(p -> p.get("jti")).orElse(null);
            return jti != null && jti.isString() ? Optional.of(UUID.fromString(jti.asString())) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<JsonNode> payload(@Nullable String token) {
        if (token == null || token.length() > 4096) {
            return Optional.empty();
        }
        String[] parts = token.strip().split("\\.", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        return Optional.ofNullable(
                Json.MAPPER.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)));
    }
}
