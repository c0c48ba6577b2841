package com.hyperlocal.flashsale.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import com.hyperlocal.flashsale.DealRows;
import com.hyperlocal.flashsale.DealRows.Row;
import com.hyperlocal.flashsale.IntegrationTest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A cache capped far below the deals it is asked about keeps evicting, stays under its cap, and
 * still answers exactly what the plain SQL search answers. Built by hand with a cap of 40 on the
 * real database, so the shared server's cache is not disturbed.
 */
@IntegrationTest
class TileCacheCapTest {

    private static final int CAP = 40;
    private static final double LAT = -12.5;
    private static final double LNG = -150.5;

    @Autowired
    JdbcClient jdbc;

    @Test
    void loadingBeyondTheCapEvictsTilesAndAnswersStayExact() {
        Random random = new Random(11);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            double lat = LAT + (2 * random.nextDouble() - 1) * 0.01;
            double lng = LNG + (2 * random.nextDouble() - 1) * 0.01;
            rows.add(Row.active("capped " + i, lat, lng));
            if (i % 10 == 0) {
                rows.add(Row.active("twin " + i, lat, lng)); // equal distances: the id decides
            }
        }
        DealRows.insert(jdbc, rows);

        DiscoveryCacheProperties properties =
                new DiscoveryCacheProperties(true, 0.005, Duration.ofSeconds(30), CAP, 16, Duration.ofMinutes(1));
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        TileCache cache = new TileCache(new TileQuery(DiscoveryReads.primaryOnly(jdbc)), properties, meters);
        NearbyDealQuery sql = new NearbyDealQuery(DiscoveryReads.primaryOnly(jdbc));
        TiledNearbySearch search = new TiledNearbySearch(
                sql, cache, new DensityGrid(DiscoveryReads.primaryOnly(jdbc), meters), properties, meters);

        for (int i = 0; i < 300; i++) {
            double lat = LAT + (2 * random.nextDouble() - 1) * 0.012;
            double lng = LNG + (2 * random.nextDouble() - 1) * 0.012;
            double radiusKm = 0.05 + 3 * random.nextDouble();
            int limit = 1 + random.nextInt(50);
            Instant now = Instant.now();
            SameAsSql.assertSame(search.find(lat, lng, radiusKm, limit, now), sql.find(lat, lng, radiusKm, limit, now));
            assertThat(cache.cachedWeight()).isLessThanOrEqualTo(CAP);
        }
        assertThat(meters.get("flashsale.discovery.rings")
                        .tag("source", "tile")
                        .counter()
                        .count())
                .isGreaterThan(200);
        assertThat(meters.get("flashsale.discovery.tile.evictions").counter().count())
                .isGreaterThan(50);
    }
}
