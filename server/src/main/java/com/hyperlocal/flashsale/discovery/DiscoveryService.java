package com.hyperlocal.flashsale.discovery;

import com.hyperlocal.flashsale.web.FieldProblem;
import com.hyperlocal.flashsale.web.InvalidRequestException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;

@Service
class DiscoveryService {

    private final NearbyDealQuery query;
    private final TiledNearbySearch tiled;
    private final DiscoveryProperties properties;
    private final boolean cached;
    private final Clock clock;

    DiscoveryService(
            NearbyDealQuery query,
            TiledNearbySearch tiled,
            DiscoveryProperties properties,
            DiscoveryCacheProperties cache,
            Clock clock) {
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
        List<FieldProblem> problems = q.problems(properties);
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        int limit = q.limit() == null ? properties.defaultLimit() : q.limit();
        Instant now = clock.instant();
        List<NearbyDeal> deals = cached
                ? tiled.find(q.lat(), q.lng(), q.radiusKm(), limit, now)
                : query.find(q.lat(), q.lng(), q.radiusKm(), limit, now);
        return new NearbyDealsResponse(q.lat(), q.lng(), q.radiusKm(), limit, deals);
    }
}
