package com.hyperlocal.flashsale.web;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * How much of a request body the server reads, per endpoint, and for how long.
 *
 * @param defaultLimit any endpoint not named below
 * @param claimLimit   {@code POST /api/v1/deals/{id}/claims}: a user id of at most 64 characters
 * @param dealLimit    {@code POST /api/v1/deals} (also what {@code flashdeal deal import} sends, one
 *                     deal per request): a 120-character title, a 2000-character description
 * @param uploadLimit  {@code POST /api/v1/redemptions}: up to 500 scans with tokens of up to 4 KB
 * @param deadline     the whole body must arrive within this, however it trickles in
 * @param readTimeout  the longest silence between two reads of a body
 */
@ConfigurationProperties("flashsale.web.body")
record BodyLimitProperties(
        DataSize defaultLimit,
        DataSize claimLimit,
        DataSize dealLimit,
        DataSize uploadLimit,
        Duration deadline,
        Duration readTimeout) {

    BodyLimitProperties {
        defaultLimit = defaultLimit != null ? defaultLimit : DataSize.ofKilobytes(16);
        claimLimit = claimLimit != null ? claimLimit : DataSize.ofKilobytes(2);
        dealLimit = dealLimit != null ? dealLimit : DataSize.ofKilobytes(32);
        uploadLimit = uploadLimit != null ? uploadLimit : DataSize.ofMegabytes(3);
        deadline = deadline != null ? deadline : Duration.ofSeconds(5);
        readTimeout = readTimeout != null ? readTimeout : Duration.ofSeconds(5);
    }

    /** The limit for a request with a body, by its endpoint. */
    long limitFor(String method, String path) {
        if ("POST".equals(method)) {
            if (path.equals("/api/v1/redemptions")) {
                return uploadLimit.toBytes();
            }
            if (path.equals("/api/v1/deals")) {
                return dealLimit.toBytes();
            }
            if (path.startsWith("/api/v1/deals/") && path.endsWith("/claims")) {
                return claimLimit.toBytes();
            }
        }
        return defaultLimit.toBytes();
    }

    DataSize largest() {
        long max = Math.max(
                Math.max(defaultLimit.toBytes(), claimLimit.toBytes()),
                Math.max(dealLimit.toBytes(), uploadLimit.toBytes()));
        return DataSize.ofBytes(max);
    }
}
