package com.hyperlocal.flashsale.webhook;

import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param enabled          false: no queue consumer and no deliveries (the API still answers)
 * @param queue            the durable queue this consumer binds to the events exchange
 * @param maxPerMerchant   webhooks one merchant may register
 * @param concurrency      deliveries in flight at once (a bounded pool, apart from request threads)
 * @param connectTimeout   to a merchant endpoint
 * @param requestTimeout   whole request to a merchant endpoint; slower counts as a failure
 * @param firstRetry       pause after the first failure; doubles per failure up to maxRetryInterval
 * @param maxRetryInterval longest pause between attempts
 * @param retryWindow      after this long without success a delivery is parked
 * @param pollInterval     how often due deliveries are looked for
 * @param secretKeyFile    AES-256 key that encrypts the stored signing secrets (created owner-only if missing)
 * @param secretKey        the same key given directly (base64 of 32 bytes), the same on every instance;
 *                         wins over secretKeyFile. Several instances need it (or one shared file): each
 *                         must decrypt secrets that another registered.
 */
@ConfigurationProperties("flashsale.webhooks")
record WebhookProperties(
        Boolean enabled,
        String queue,
        int maxPerMerchant,
        int concurrency,
        Duration connectTimeout,
        Duration requestTimeout,
        Duration firstRetry,
        Duration maxRetryInterval,
        Duration retryWindow,
        Duration pollInterval,
        Path secretKeyFile,
        @Nullable String secretKey) {

    WebhookProperties {
        enabled = enabled == null || enabled;
        queue = queue != null && !queue.isBlank() ? queue : "flashsale.webhooks";
        maxPerMerchant = maxPerMerchant > 0 ? maxPerMerchant : 10;
        concurrency = concurrency > 0 ? concurrency : 8;
        connectTimeout = positive(connectTimeout, Duration.ofSeconds(2));
        requestTimeout = positive(requestTimeout, Duration.ofSeconds(5));
        firstRetry = positive(firstRetry, Duration.ofSeconds(30));
        maxRetryInterval = positive(maxRetryInterval, Duration.ofHours(1));
        retryWindow = positive(retryWindow, Duration.ofHours(24));
        pollInterval = positive(pollInterval, Duration.ofMillis(500));
        secretKeyFile = secretKeyFile != null ? secretKeyFile : Path.of("data", "keys", "webhook-secrets.key");
    }

    /** Pause after {@code failures} failed attempts: firstRetry · 2^(failures-1), capped. */
    Duration retryAfter(int failures) {
        long millis = firstRetry.toMillis() << Math.min(Math.max(failures - 1, 0), 30);
        return Duration.ofMillis(Math.min(millis, maxRetryInterval.toMillis()));
    }

    private static Duration positive(Duration value, Duration fallback) {
        return value != null && !value.isNegative() && !value.isZero() ? value : fallback;
    }
}
