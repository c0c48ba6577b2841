package com.hyperlocal.flashsale.discovery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The growing-ring search of {@link NearbyDealQuery}, answered from memory where it can: a ring
 * the density grid says cannot hold {@code limit} deals is skipped (unless it is the last), a
 * small ring is answered from cached tiles, a large one by SQL. Each answered ring is exact, and
 * the search stops at the first that holds {@code limit} deals or reaches the radius, so the
 * result is the same as the plain SQL search.
 */
@Component
class TiledNearbySearch {

    private final NearbyDealQuery sql;
    private final TileCache tiles;
    private final DensityGrid density;
    private final int maxTilesPerRing;
    private final Counter tileRings;
    private final Counter sqlRings;
    private final Counter skippedRings;

    TiledNearbySearch(
            NearbyDealQuery sql,
            TileCache tiles,
            DensityGrid density,
            DiscoveryCacheProperties properties,
            MeterRegistry meters) {
        this.sql = sql;
        this.tiles = tiles;
        this.density = density;
        this.maxTilesPerRing = properties.maxTilesPerRing();
        this.tileRings = Counter.builder("flashsale.discovery.rings")
                .tag("source", "tile")
                .register(meters);
        this.sqlRings = Counter.builder("flashsale.discovery.rings")
                .tag("source", "sql")
                .register(meters);
        this.skippedRings = Counter.builder("flashsale.discovery.rings")
                .tag("source", "skipped")
                .register(meters);
    }

    List<NearbyDeal> find(double lat, double lng, double radiusKm, int limit, Instant now) {
        double ring = Math.min(NearbyDealQuery.FIRST_RING_KM, radiusKm);
        while (true) {
            boolean last = ring >= radiusKm;
            List<LngLatBox> boxes = SearchArea.around(lat, lng, ring);
            boolean sparse = density.expectedDeals(boxes, ring) < limit;
            if (!last && sparse) {
                skippedRings.increment(); // a larger ring answers; skipping only saves a query
            } else {
                List<NearbyDeal> found = within(boxes, lat, lng, ring, limit, now, sparse);
                if (found.size() >= limit || last) {
                    return found;
                }
            }
            ring = Math.min(radiusKm, ring * NearbyDealQuery.RING_GROWTH);
        }
    }

    /**
     * A sparse ring goes to SQL even when few tiles cover it: its tiles are mostly empty and seldom
     * asked again, so loading them costs a query per tile and pushes the hot spots' tiles out of
     * the cache (docs/benchmarks.md, findings).
     */
    private List<NearbyDeal> within(
            List<LngLatBox> boxes, double lat, double lng, double ringKm, int limit, Instant now, boolean sparse) {
        TileGrid grid = tiles.grid();
        if (sparse || grid.count(boxes) > maxTilesPerRing) {
            sqlRings.increment();
            return sql.findWithin(lat, lng, ringKm, limit, now);
        }
        tileRings.increment();
        long nowMicros = Tile.micros(now);
        NearestDeals nearest = new NearestDeals(limit);
        // Nearest tiles first, stopping once no deal in the next tile could beat the ones held: a
        // ring reaching into a dense spot from outside reads its edge, not all of it (measured:
        // such rings, sent to SQL, were most of PostgreSQL's work in the discovery benchmark).
        for (TileDistance tile :
                TileDistance.nearestFirst(grid, grid.keys(boxes).toArray(), lat, lng)) {
            if (tile.lowerBoundKm() > ringKm || nearest.closedBelow(tile.lowerBoundKm())) {
                break;
            }
            tiles.get(tile.key(), now).collect(boxes, lat, lng, ringKm, nowMicros, nearest);
        }
        return nearest.nearestFirst();
    }

    /** Forgets tiles and density, for tests that write deals straight into PostgreSQL. */
    void clear() {
        tiles.clear();
        density.clear();
    }
}
