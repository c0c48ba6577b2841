package com.hyperlocal.flashsale.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The delivery signature: {@code Flashsale-Signature: v1=<hex HMAC-SHA256(secret, timestamp + "." + body)>},
 * with the same {@code timestamp} (Unix seconds) sent as {@code Flashsale-Timestamp}. The receiver
 * recomputes it and rejects old timestamps, so a captured delivery cannot be replayed later.
 */
final class WebhookSignature {

    static final String SIGNATURE_HEADER = "Flashsale-Signature";
    static final String TIMESTAMP_HEADER = "Flashsale-Timestamp";
    static final String EVENT_ID_HEADER = "Flashsale-Event-Id";
    static final String EVENT_TYPE_HEADER = "Flashsale-Event-Type";

    private WebhookSignature() {}

    static String sign(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1=" + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
