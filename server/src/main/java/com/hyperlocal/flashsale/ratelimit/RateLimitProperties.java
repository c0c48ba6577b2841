package com.hyperlocal.flashsale.ratelimit;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Request limits, counted in Redis so every instance shares them (Bucket4j token buckets that
 * refill greedily: {@code capacity} requests per {@code window}, a burst of up to {@code capacity}).
 *
 * @param shopper       claims by one shopper (token {@code sub}) over all deals; default 30 per minute
 * @param shopperDeal   claims by one shopper on one deal: a retry storm from one phone; default 5 per minute
 * @param ip            everything unauthenticated from one client IP: public reads and failed
 *                      authentications (401s); default 600 per minute
 * @param admin         every admin API request from one client IP; default 30 per minute
 * @param localMaxKeys  while Redis is unreachable each instance counts locally, in at most this many
 *                      buckets (least recently used dropped first); default 100,000
 */
@Validated
@ConfigurationProperties("flashsale.rate-limits")
public record RateLimitProperties(
        @Valid Limit shopper,
        @Valid Limit shopperDeal,
        @Valid Limit ip,
        @Valid Limit admin,
        @DefaultValue("100000") @Min(100) @Max(10_000_000) int localMaxKeys) {

    public RateLimitProperties {
        shopper = shopper != null ? shopper : new Limit(30, Duration.ofMinutes(1));
        shopperDeal = shopperDeal != null ? shopperDeal : new Limit(5, Duration.ofMinutes(1));
        ip = ip != null ? ip : new Limit(600, Duration.ofMinutes(1));
        admin = admin != null ? admin : new Limit(30, Duration.ofMinutes(1));
    }

    /** {@code capacity} requests per {@code window}. */
    public record Limit(@Min(1) long capacity, @NotNull Duration window) {

        @AssertTrue(message = "window must be between 1 second and 1 day") boolean isWindowSensible() {
            return window != null
                    && window.compareTo(Duration.ofSeconds(1)) >= 0
                    && window.compareTo(Duration.ofDays(1)) <= 0;
        }
    }
}
