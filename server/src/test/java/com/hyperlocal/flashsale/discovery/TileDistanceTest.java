package com.hyperlocal.flashsale.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The nearest-first tile walk stops on these bounds, so a bound above a real distance would lose deals. */
class TileDistanceTest {

    private final TileGrid grid = new TileGrid(0.005);

    @Test
    void theBoundIsNeverAboveTheDistanceToAnyPointOfTheTile() {
        Random random = new Random(42);
        for (int n = 0; n < 20_000; n++) {
            double lat = -85 + 170 * random.nextDouble();
            double lng = -180 + 360 * random.nextDouble();
            // a tile within ~6 km, on either side of the antimeridian when lng is near it
            double tileLat = lat + (random.nextDouble() - 0.5) * 0.11;
            double tileLng = lng + (random.nextDouble() - 0.5) * 0.11 / Math.max(0.05, Math.cos(Math.toRadians(lat)));
            tileLng = tileLng >= 180 ? tileLng - 360 : tileLng < -180 ? tileLng + 360 : tileLng;
            if (Math.abs(tileLat) >= 89.9) {
                continue;
            }
            long key = grid.keyOf(tileLat, tileLng);
            double bound = TileDistance.lowerBound(grid, key, lat, lng);
            for (int k = 0; k < 40; k++) {
                double u = k < 4 ? (k & 1) : random.nextDouble();
                double v = k < 4 ? (k >> 1) : random.nextDouble();
                double pLat = grid.lower(TileGrid.row(key)) + u * 0.005 * (1 - 1e-12);
                double pLng = grid.lower(TileGrid.col(key)) + v * 0.005 * (1 - 1e-12);
                assertThat(Haversine.distanceKm(lat, lng, pLat, pLng))
                        .as("tile %s from (%s, %s)", key, lat, lng)
                        .isGreaterThanOrEqualTo(bound);
            }
        }
    }

    @Test
    void tilesComeNearestFirstAndTheCentresTileIsAtZero() {
        long[] keys = grid.keys(SearchArea.around(12.9712, 77.5913, 1)).toArray();
        TileDistance[] walk = TileDistance.nearestFirst(grid, keys, 12.9712, 77.5913);
        assertThat(walk[0].key()).isEqualTo(grid.keyOf(12.9712, 77.5913));
        assertThat(walk[0].lowerBoundKm()).isZero();
        for (int i = 1; i < walk.length; i++) {
            assertThat(walk[i].lowerBoundKm()).isGreaterThanOrEqualTo(walk[i - 1].lowerBoundKm());
        }
    }
}
