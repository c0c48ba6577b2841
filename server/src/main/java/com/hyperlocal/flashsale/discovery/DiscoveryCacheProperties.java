package com.hyperlocal.flashsale.discovery;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The per-instance discovery cache: fine tiles of deals and a coarse density grid. With
 * {@code enabled=false} every search goes to PostgreSQL exactly as before the cache existed.
 *
 * @param tileSizeDeg      edge of a fine tile in degrees (0.005° ≈ 556 m of latitude)
 * @param tileTtl          how long a loaded tile answers; the staleness bound for changes made elsewhere
 * @param maxCachedDeals   cap on the deals held in tiles (an empty tile counts as one)
 * @param maxTilesPerRing  a ring covering more tiles than this is answered by SQL instead
 * @param densityRefresh   how often the density grid is recounted (one aggregate query)
 */
@ConfigurationProperties("flashsale.discovery.cache")
record DiscoveryCacheProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("0.005") double tileSizeDeg,
        @DefaultValue("30s") Duration tileTtl,
        @DefaultValue("300000") int maxCachedDeals,
        @DefaultValue("400") int maxTilesPerRing,
        @DefaultValue("60s") Duration densityRefresh) {

    DiscoveryCacheProperties {
        require(tileSizeDeg > 0 && tileSizeDeg <= 1, "tile-size-deg must be in (0, 1]");
        require(tileTtl.compareTo(Duration.ofMillis(1)) >= 0, "tile-ttl must be at least 1ms");
        require(maxCachedDeals > 0, "max-cached-deals must be positive");
        require(maxTilesPerRing > 0, "max-tiles-per-ring must be positive");
        require(densityRefresh.compareTo(Duration.ofSeconds(1)) >= 0, "density-refresh must be at least 1s");
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException("flashsale.discovery.cache." + message);
        }
    }
}
