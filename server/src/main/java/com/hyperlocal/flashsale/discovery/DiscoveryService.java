package com.hyperlocal.flashsale.discovery;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import com.hyperlocal.flashsale.web.InvalidRequestException;
import org.springframework.stereotype.Service;

@Service
class DiscoveryService {

    private final NearbyDealQuery query;
    private final TiledNearbySearch tiled;
    private final DiscoveryProperties properties;
    private final boolean cached;
    private final Clock clock;

    DiscoveryService(NearbyDealQuery query, TiledNearbySearch tiled, DiscoveryProperties properties,
            DiscoveryCacheProperties cache, Clock clock) {
        this.query = query;
        this.tiled = tiled;
        this.properties = properties;
        this.cached = cache.enabled();
        this.clock = clock;
    }

    /**
     * No surrounding transaction: a search answered from cached tiles must not borrow a pooled
     * connection, and each SQL ring is one statement that needs none.
     */
    NearbyDealsResponse nearby(NearbyQuery q) {
        requireFinite("lat", q.lat());
        requireFinite("lng", q.lng());
        requireFinite("radiusKm", q.radiusKm());
        if (q.radiusKm() > properties.maxRadiusKm()) {
            throw new InvalidRequestException("radiusKm", "must be at most " + properties.maxRadiusKm() + " km");
        }
        int limit = q.limit() == null ? properties.defaultLimit() : q.limit();
        if (limit > properties.maxLimit()) {
            throw new InvalidRequestException("limit", "must be at most " + properties.maxLimit());
        }
        Instant now = clock.instant();
        List<NearbyDeal> deals = cached ? tiled.find(q.lat(), q.lng(), q.radiusKm(), limit, now)
                : query.find(q.lat(), q.lng(), q.radiusKm(), limit, now);
        return new NearbyDealsResponse(q.lat(), q.lng(), q.radiusKm(), limit, deals);
    }

    private static void requireFinite(String field, double value) {
        if (!Double.isFinite(value)) {
            throw new InvalidRequestException(field, "must be a finite number");
        }
    }
}
