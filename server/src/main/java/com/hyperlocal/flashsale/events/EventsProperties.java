package com.hyperlocal.flashsale.events;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param exchange       the topic exchange events go to; routing key {@code deal.<dealId>.<type>}
 * @param relayEnabled   false: rows stay in the outbox (another instance relays, or a test drives it)
 * @param relayBatch     rows published per relay transaction, in seq order
 * @param pollInterval   pause of an idle relay
 * @param backoffMin     first pause after a failed publication; doubles per failure up to backoffMax
 * @param backoffMax     longest pause between publication attempts
 * @param confirmTimeout how long the relay waits for the broker's publisher confirms
 * @param retention      published rows are deleted after this long
 */
@ConfigurationProperties("flashsale.events")
record EventsProperties(
        String exchange,
        Boolean relayEnabled,
        int relayBatch,
        Duration pollInterval,
        Duration backoffMin,
        Duration backoffMax,
        Duration confirmTimeout,
        Duration retention) {

    EventsProperties {
        exchange = exchange != null && !exchange.isBlank() ? exchange : "flashsale.events";
        relayEnabled = relayEnabled == null || relayEnabled;
        relayBatch = relayBatch > 0 ? relayBatch : 500;
        pollInterval = positive(pollInterval, Duration.ofMillis(100));
        backoffMin = positive(backoffMin, Duration.ofMillis(200));
        backoffMax = positive(backoffMax, Duration.ofSeconds(30));
        confirmTimeout = positive(confirmTimeout, Duration.ofSeconds(5));
        retention = positive(retention, Duration.ofDays(7));
    }

    private static Duration positive(Duration value, Duration fallback) {
        return value != null && !value.isNegative() && !value.isZero() ? value : fallback;
    }
}
