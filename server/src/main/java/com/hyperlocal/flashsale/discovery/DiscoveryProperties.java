package com.hyperlocal.flashsale.discovery;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Limits of {@code GET /api/v1/deals/nearby}; published in the README and OpenAPI document. */
@ConfigurationProperties("flashsale.discovery")
record DiscoveryProperties(int defaultLimit, int maxLimit, double maxRadiusKm) {

    DiscoveryProperties {
        defaultLimit = defaultLimit > 0 ? defaultLimit : 20;
        maxLimit = maxLimit > 0 ? maxLimit : 100;
        maxRadiusKm = maxRadiusKm > 0 ? maxRadiusKm : 100;
    }
}
