package com.hyperlocal.flashsale.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import com.hyperlocal.flashsale.DealRows;
import com.hyperlocal.flashsale.DealRows.Row;
import com.hyperlocal.flashsale.IntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Which rings a search asks whom (counted by the discovery.rings meters), against the real
 * database: in a sparse place the density grid skips the small rings, so a 5 km search is one
 * SQL query instead of four; in a dense spot the first ring comes from tiles with no SQL at all.
 * Both answers equal the plain SQL search's.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RingPlanTest {

    /** Open sea, ~15 deals within 5 km: ≈ 0.2 deals/km², like the countryside of the benchmark. */
    private static final double SPARSE_LAT = -47.3;

    private static final double SPARSE_LNG = -97.6;
    /** 3,000 deals in one density cell at 80° N (≈ 21 km²): a first ring of 0.25 km holds ~40. */
    private static final double DENSE_LAT = 80.05;

    private static final double DENSE_LNG = 20.05;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TiledNearbySearch search;

    @Autowired
    DensityGrid density;

    @Autowired
    NearbyDealQuery sql;

    @Autowired
    MeterRegistry meters;

    @BeforeAll
    void seed() {
        Random random = new Random(7);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            double[] at = SearchAreaTest.destination(
                    SPARSE_LAT, SPARSE_LNG, random.nextDouble() * 360, 5 * Math.sqrt(random.nextDouble()));
            rows.add(Row.active("sparse " + i, at[0], at[1]));
        }
        for (int i = 0; i < 3_000; i++) {
            rows.add(Row.active(
                    "dense " + i,
                    DENSE_LAT + (2 * random.nextDouble() - 1) * 0.04,
                    DENSE_LNG + (2 * random.nextDouble() - 1) * 0.04));
        }
        DealRows.insert(jdbc, rows);
        search.clear();
    }

    @Test
    void aSparseSearchSkipsTheSmallRingsAndAsksPostgresOnce() {
        density.refresh(Instant.now());
        Map<String, Double> before = rings();
        List<NearbyDeal> found = find(SPARSE_LAT, SPARSE_LNG);
        assertThat(delta(before))
                .containsEntry("skipped", 3.0)
                .containsEntry("sql", 1.0)
                .containsEntry("tile", 0.0);
        assertThat(found).hasSizeBetween(5, 19);
    }

    @Test
    void aSparseSmallSearchAsksPostgresOnceInsteadOfLoadingEveryTile() {
        density.refresh(Instant.now());
        Map<String, Double> before = rings();
        Instant now = Instant.now();
        List<NearbyDeal> found = search.find(SPARSE_LAT, SPARSE_LNG, 1, 20, now);
        SameAsSql.assertSame(found, sql.find(SPARSE_LAT, SPARSE_LNG, 1, 20, now));
        assertThat(delta(before))
                .containsEntry("skipped", 1.0)
                .containsEntry("sql", 1.0)
                .containsEntry("tile", 0.0);
    }

    @Test
    void withoutTheDensityGridTheSameSearchAsksEveryRing() {
        search.clear();
        Map<String, Double> before = rings();
        find(SPARSE_LAT, SPARSE_LNG);
        Map<String, Double> asked = delta(before);
        assertThat(asked.get("skipped")).isZero();
        assertThat(asked.get("tile") + asked.get("sql")).isEqualTo(4.0); // 0.25, 1, 4 and 5 km
    }

    @Test
    void aDenseSpotIsAnsweredFromTilesWithoutSql() {
        search.clear();
        density.refresh(Instant.now());
        find(DENSE_LAT, DENSE_LNG); // loads the tiles
        Map<String, Double> before = rings();
        List<NearbyDeal> found = find(DENSE_LAT, DENSE_LNG);
        assertThat(delta(before))
                .containsEntry("tile", 1.0)
                .containsEntry("sql", 0.0)
                .containsEntry("skipped", 0.0);
        assertThat(found).hasSize(20);
    }

    /** A 5 km, limit 20 search (the benchmark's), checked against the plain SQL search. */
    private List<NearbyDeal> find(double lat, double lng) {
        Instant now = Instant.now();
        List<NearbyDeal> found = search.find(lat, lng, 5, 20, now);
        SameAsSql.assertSame(found, sql.find(lat, lng, 5, 20, now));
        return found;
    }

    private Map<String, Double> rings() {
        return Map.of("tile", count("tile"), "sql", count("sql"), "skipped", count("skipped"));
    }

    private Map<String, Double> delta(Map<String, Double> before) {
        Map<String, Double> now = rings();
        return Map.of(
                "tile",
                now.get("tile") - before.get("tile"),
                "sql",
                now.get("sql") - before.get("sql"),
                "skipped",
                now.get("skipped") - before.get("skipped"));
    }

    private double count(String source) {
        return meters.get("flashsale.discovery.rings")
                .tag("source", source)
                .counter()
                .count();
    }
}
