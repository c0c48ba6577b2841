package com.hyperlocal.flashsale.infra;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param duration how long the instance exercises its hot paths before it reports ready (readiness
 *                 probe); zero turns the warm-up off
 * @param threads  threads exercising them at once (the JIT compiles what runs concurrently too)
 */
@ConfigurationProperties("flashsale.warm-up")
public record WarmUpProperties(Duration duration, int threads) {

    public WarmUpProperties {
        duration = duration != null && !duration.isNegative() ? duration : Duration.ZERO;
        threads = threads > 0 ? threads : 4;
    }
}
