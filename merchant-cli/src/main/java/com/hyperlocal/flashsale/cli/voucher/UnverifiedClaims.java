package com.hyperlocal.flashsale.cli.voucher;

import com.hyperlocal.flashsale.cli.http.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Best-effort read of an invalid voucher's payload, for display only. Never used to decide
 * anything: the verifier already said the token must not be trusted.
 */
final class UnverifiedClaims {

    private UnverifiedClaims() {
    }

    static Map<String, Object> peek(String token) {
        Map<String, Object> m = new LinkedHashMap<>();
        try {
            if (token.length() > 4096) {
                return m;
            }
            String[] parts = token.split("\\.", -1);
            if (parts.length != 3) {
                return m;
            }
            JsonNode payload = Json.MAPPER.readTree(new String(Base64.getUrlDecoder().decode(parts[1]),
                    StandardCharsets.UTF_8));
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
}
