package com.hyperlocal.flashsale.discovery;

import java.time.Clock;

import com.hyperlocal.flashsale.web.InvalidRequestException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class DiscoveryService {

    private final NearbyDealQuery query;
    private final DiscoveryProperties properties;
    private final Clock clock;

    DiscoveryService(NearbyDealQuery query, DiscoveryProperties properties, Clock clock) {
        this.query = query;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
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
        return new NearbyDealsResponse(q.lat(), q.lng(), q.radiusKm(), limit,
                query.find(q.lat(), q.lng(), q.radiusKm(), limit, clock.instant()));
    }

    private static void requireFinite(String field, double value) {
        if (!Double.isFinite(value)) {
            throw new InvalidRequestException(field, "must be a finite number");
        }
    }
}
