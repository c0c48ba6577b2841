package com.hyperlocal.flashsale.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.hyperlocal.flashsale.DealRows;
import com.hyperlocal.flashsale.DealRows.Row;
import com.hyperlocal.flashsale.IntegrationTest;
import com.hyperlocal.flashsale.TestApi;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Discovery answers exactly what a brute-force scan of every deal row would: same deals, same
 * order, same distances — across the antimeridian, around the poles, in a dense city and worldwide.
 * The oracle reads all rows of {@code deals}, so rows left by other tests (or an external database)
 * are part of the check rather than a disturbance.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NearbyDiscoveryOracleTest {

    private static final double EPS_KM = 1e-9;
    private static final long SEED = 0x5EED_D15C0L;
    /** Searches per phase; the thresholds below are fractions of it (calibrated on 2,000). */
    static final int QUERIES = 600;

    /** A cluster of deals (and of queries): centre, spread in degrees, and how many deals. */
    private record Cluster(String name, double lat, double lng, double latSpread, double lngSpread, int deals) {}

    private static final List<Cluster> CLUSTERS = List.of(
            new Cluster("antimeridian-equator", 0, 180, 0.6, 0.6, 600),
            new Cluster("antimeridian-60N", 60, 180, 0.6, 1.2, 500),
            new Cluster("north-pole", 90, 0, 1.0, 180, 500),
            new Cluster("south-pole", -90, 0, 1.0, 180, 400),
            new Cluster("city", 52.52, 13.405, 0.15, 0.25, 1500),
            // Dense enough (≈ 100 deals/km² in one density cell) that small rings are answered from tiles.
            new Cluster("dense", -33.85, 151.15, 0.045, 0.045, 10_000),
            new Cluster("world", 0, 0, 90, 180, 500));

    /** One deal as the oracle sees it. */
    private record DealRow(
            UUID id,
            String key,
            double lat,
            double lng,
            int remaining,
            Instant validFrom,
            Instant validUntil,
            double x,
            double y,
            double z) {
        DealRow(UUID id, double lat, double lng, int remaining, Instant validFrom, Instant validUntil) {
            this(
                    id,
                    id.toString(),
                    lat,
                    lng,
                    remaining,
                    validFrom,
                    validUntil,
                    unit(lat, lng)[0],
                    unit(lat, lng)[1],
                    unit(lat, lng)[2]);
        }

        boolean activeAt(Instant now) {
            return !validFrom.isAfter(now) && validUntil.isAfter(now) && remaining > 0;
        }
    }

    private record Hit(String id, double distanceKm) {}

    private record Query(double lat, double lng, double radiusKm, Integer limit) {
        int effectiveLimit() {
            return limit == null ? 20 : limit;
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DiscoveryService service;

    @Autowired
    TiledNearbySearch search;

    @Autowired
    DensityGrid density;

    @Autowired
    MeterRegistry meters;

    private TestApi api;
    private int ambiguous;

    @BeforeAll
    void seed() {
        api = new TestApi(port);
        Random random = new Random(SEED);
        Instant now = Instant.now();
        List<Row> rows = new ArrayList<>();
        for (Cluster cluster : CLUSTERS) {
            for (int i = 0; i < cluster.deals(); i++) {
                double[] at = pointIn(cluster, random);
                if ((cluster.name().equals("city") || cluster.name().equals("dense"))
                        && i > 0
                        && random.nextInt(20) == 0) {
                    // Same spot as the previous deal: equal distances, so the id decides the order.
                    Row previous = rows.get(rows.size() - 1);
                    at = new double[] {previous.latitude(), previous.longitude()};
                }
                rows.add(randomDeal(cluster.name() + " " + i, at[0], at[1], now, random));
            }
        }
        // The extremes of the coordinate ranges.
        for (double[] at : new double[][] {
            {90, 0}, {-90, 45}, {0, 180}, {0, -180}, {60, 180}, {60, -180}, {89.999, 180}, {-89.999, -180}
        }) {
            rows.add(randomDeal("edge", at[0], at[1], now, random)
                    .withWindow(now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(3))));
        }
        insert(rows);
    }

    /**
     * The same searches four times: cold and warm tiles, each without and with the density grid
     * (without it no ring is skipped; with it small rings in sparse places are). Tiles, SQL and
     * skipped rings all take part.
     */
    @Test
    void serviceAnswersMatchABruteForceScanOfEveryDealWithColdAndWarmTiles() {
        List<DealRow> all = allDeals();
        Random random = new Random(SEED + 1);
        List<Query> queries = new ArrayList<>();
        for (int i = 0; i < QUERIES; i++) {
            queries.add(randomQuery(random, true));
        }
        double tileRings = rings("tile");
        double sqlRings = rings("sql");
        double skippedRings = rings("skipped");
        search.clear();
        checkAll(queries, all); // cold, no density grid
        checkAll(queries, all); // warm
        search.clear();
        density.refresh(Instant.now());
        checkAll(queries, all); // cold, density grid
        checkAll(queries, all); // warm
        assertThat(rings("tile") - tileRings).isGreaterThan(QUERIES);
        assertThat(rings("sql") - sqlRings).isGreaterThan(QUERIES);
        assertThat(rings("skipped") - skippedRings).isGreaterThan(QUERIES / 4);
    }

    private void checkAll(List<Query> queries, List<DealRow> all) {
        ambiguous = 0;
        int nonEmpty = 0;
        int truncated = 0;
        for (Query q : queries) {
            Instant before = Instant.now();
            NearbyDealsResponse answer = service.nearby(new NearbyQuery(q.lat(), q.lng(), q.radiusKm(), q.limit()));
            Instant after = Instant.now();
            List<Hit> hits = answer.deals().stream()
                    .map(d -> new Hit(d.id().toString(), d.distanceKm()))
                    .toList();
            assertThat(answer.limit()).isEqualTo(q.effectiveLimit());
            check(q, hits, all, before, after);
            nonEmpty += hits.isEmpty() ? 0 : 1;
            truncated += hits.size() == q.effectiveLimit() ? 1 : 0;
        }
        // The queries really exercised the interesting cases, not just empty answers.
        assertThat(nonEmpty).isGreaterThan(QUERIES * 3 / 4);
        assertThat(truncated).isGreaterThan(QUERIES / 20);
        // Real near-ties (same spot under two names, e.g. the edge rows at lng ±180) are rare; the
        // strict comparison covers the rest.
        assertThat(ambiguous).isLessThan(QUERIES * 3 / 40);
    }

    private double rings(String source) {
        return meters.get("flashsale.discovery.rings")
                .tag("source", source)
                .counter()
                .count();
    }

    @Test
    void httpAnswersMatchABruteForceScanOfEveryDeal() {
        search.clear();
        List<DealRow> all = allDeals();
        Random random = new Random(SEED + 2);
        int nonEmpty = 0;
        for (int i = 0; i < 400; i++) {
            Query q = randomQuery(random, false);
            Instant before = Instant.now();
            List<Hit> hits = http(q);
            Instant after = Instant.now();
            check(q, hits, all, before, after);
            nonEmpty += hits.isEmpty() ? 0 : 1;
        }
        assertThat(nonEmpty).isGreaterThan(250);
    }

    @Test
    void aDealJustEastOfTheAntimeridianIsFoundFromJustWestOfItAndViceVersa() {
        Row east = Row.active("east of 180", -30.0, 179.99);
        Row west = Row.active("west of 180", -31.0, -179.99);
        insert(east, west);

        Hit fromWest = find(http(new Query(-30.0, -179.99, 5, 100)), east.id());
        assertThat(fromWest.distanceKm()).isCloseTo(chordDistanceKm(-30.0, -179.99, -30.0, 179.99), within(1e-6));
        assertThat(fromWest.distanceKm())
                .isCloseTo(
                        0.02 * Math.cos(Math.toRadians(30)) * Math.PI / 180 * Haversine.EARTH_RADIUS_KM,
                        within(1e-3)); // ≈ 1.926 km, not ~34,000 km round the world

        Hit fromEast = find(http(new Query(-31.0, 179.99, 5, 100)), west.id());
        assertThat(fromEast.distanceKm()).isCloseTo(chordDistanceKm(-31.0, 179.99, -31.0, -179.99), within(1e-6));

        // Exactly on the antimeridian, from both of its names.
        Row on = Row.active("on 180", 10.0, 180);
        insert(on);
        assertThat(find(http(new Query(10.0, -179.999, 1, 100)), on.id()).distanceKm())
                .isCloseTo(chordDistanceKm(10, -179.999, 10, 180), within(1e-6));
        assertThat(find(http(new Query(10.0, 179.999, 1, 100)), on.id()).distanceKm())
                .isCloseTo(chordDistanceKm(10, 179.999, 10, 180), within(1e-6));
    }

    @Test
    void aDealNearAPoleIsFoundFromTheOtherSideOfThePole() {
        Row north = Row.active("north pole", 89.999, 10);
        Row south = Row.active("south pole", -89.9985, -100);
        insert(north, south);

        // Across the pole: 0.001° + 0.001° of latitude = 222 m, although the longitudes differ by 180°.
        double expected = chordDistanceKm(89.999, -170, 89.999, 10);
        assertThat(expected).isCloseTo(0.002 * Math.PI / 180 * Haversine.EARTH_RADIUS_KM, within(1e-6));
        assertThat(find(http(new Query(89.999, -170, 0.25, 100)), north.id()).distanceKm())
                .isCloseTo(expected, within(1e-6));
        assertThat(ids(http(new Query(89.999, -170, 0.2, 100))))
                .doesNotContain(north.id().toString());

        assertThat(find(http(new Query(-89.9985, 80, 0.4, 100)), south.id()).distanceKm())
                .isCloseTo(chordDistanceKm(-89.9985, 80, -89.9985, -100), within(1e-6));
        List<DealRow> all = allDeals();
        for (Query q : List.of(new Query(89.999, -170, 0.25, 100), new Query(-89.9985, 80, 0.4, 100))) {
            check(q, http(q), all, Instant.now(), Instant.now());
        }
    }

    @Test
    void aDealOneMetreInsideTheRadiusIsFoundAndOneMetreOutsideIsNot() {
        // {lat, lng, bearing}: open sea, across the antimeridian at 60° N and at the equator, near a pole.
        double[][] centres = {
            {12.345, 67.89, 30}, {60.2, 179.995, 90}, {-0.3, -179.999, 270}, {89.6, 33, 0}, {-41.3, 174.8, 200}
        };
        for (double[] c : centres) {
            double[] at = SearchAreaTest.destination(c[0], c[1], c[2], 2);
            Row deal = Row.active("boundary", at[0], at[1]);
            insert(deal);
            double d = Haversine.distanceKm(c[0], c[1], at[0], at[1]);
            assertThat(d).isCloseTo(2, within(1e-6));

            Hit inside = find(http(new Query(c[0], c[1], d + 0.001, 100)), deal.id());
            assertThat(inside.distanceKm()).isCloseTo(d, within(EPS_KM));
            assertThat(ids(http(new Query(c[0], c[1], d - 0.001, 100))))
                    .doesNotContain(deal.id().toString());
        }
    }

    @Test
    void expiredFutureAndSoldOutDealsAreNeverReturned() {
        Instant now = Instant.now();
        Row active = Row.active("active", -45.5, -120.25);
        Row expired = Row.active("expired", -45.501, -120.25)
                .withWindow(now.minus(Duration.ofDays(2)), now.minus(Duration.ofSeconds(1)));
        Row future = Row.active("future", -45.502, -120.25)
                .withWindow(now.plus(Duration.ofMinutes(5)), now.plus(Duration.ofDays(2)));
        Row soldOut = Row.active("sold out", -45.503, -120.25).withRemaining(0);
        insert(active, expired, future, soldOut);

        List<String> found = ids(http(new Query(-45.5, -120.25, 5, 100)));
        assertThat(found)
                .contains(active.id().toString())
                .doesNotContain(
                        expired.id().toString(),
                        future.id().toString(),
                        soldOut.id().toString());
    }

    @Test
    void dealsComeNearestFirstTiesByIdAndTheLimitIsRespected() {
        double lat = -20.5;
        double lng = 75.25;
        Random random = new Random(SEED + 4);
        List<Row> rows = new ArrayList<>();
        for (double km : new double[] {4, 0.5, 3, 1, 2.5, 2}) {
            double[] at = SearchAreaTest.destination(lat, lng, random.nextDouble() * 360, km);
            rows.add(Row.active("at " + km + " km", at[0], at[1]));
        }
        Row twin = rows.get(4);
        rows.add(Row.active("twin of 2.5 km", twin.latitude(), twin.longitude()));
        insert(rows);

        List<Row> expected = new ArrayList<>(rows);
        expected.sort(Comparator.<Row>comparingDouble(r -> Haversine.distanceKm(lat, lng, r.latitude(), r.longitude()))
                .thenComparing(r -> r.id().toString()));
        Set<String> mine =
                new HashSet<>(rows.stream().map(r -> r.id().toString()).toList());
        List<Hit> hits = http(new Query(lat, lng, 10, 100));
        assertThat(ids(hits).stream().filter(mine::contains).toList())
                .containsExactlyElementsOf(
                        expected.stream().map(r -> r.id().toString()).toList());
        assertThat(hits).isSortedAccordingTo(Comparator.comparingDouble(Hit::distanceKm));

        List<DealRow> all = allDeals();
        for (int limit : new int[] {1, 3, 5}) {
            Query q = new Query(lat, lng, 10, limit);
            List<Hit> limited = http(q);
            assertThat(limited).hasSize(limit);
            check(q, limited, all, Instant.now(), Instant.now());
        }
    }

    @Test
    void withoutALimitTwentyDealsAreReturned() {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            rows.add(Row.active("default limit " + i, 10.25 + i * 1e-4, -30.75));
        }
        insert(rows);
        JsonNode answer =
                api.get("/api/v1/deals/nearby?lat=10.25&lng=-30.75&radiusKm=5").json();
        assertThat(answer.get("limit").asInt()).isEqualTo(20);
        assertThat(answer.get("deals")).hasSize(20);
    }

    // --- the oracle ---------------------------------------------------------------------------

    private void check(Query q, List<Hit> actual, List<DealRow> all, Instant before, Instant after) {
        List<Candidate> near = candidates(q, all);
        List<Hit> early = oracle(q, near, before);
        List<Hit> late = oracle(q, near, after);
        // The server's clock read lies between before and after; a deal starting or ending in
        // between may be either in or out.
        List<Hit> expected = ids(late).equals(ids(actual)) ? late : early;
        String what = String.format(
                Locale.ROOT, "nearby lat=%s lng=%s radiusKm=%s limit=%s", q.lat(), q.lng(), q.radiusKm(), q.limit());
        if (isAmbiguous(q, near, expected, before)) {
            ambiguous++;
            checkTolerantly(q, actual, near, expected, before, after, what);
            return;
        }
        assertThat(ids(actual)).as(what).containsExactlyElementsOf(ids(expected));
        for (int i = 0; i < actual.size(); i++) {
            assertThat(actual.get(i).distanceKm())
                    .as(what)
                    .isCloseTo(expected.get(i).distanceKm(), within(EPS_KM));
        }
    }

    /** A deal within radius + 1e-9 km of the query, whatever its state, with its Haversine distance. */
    private record Candidate(DealRow deal, double distanceKm) {}

    /**
     * Every row is looked at. A dot product of unit vectors rules out rows that are clearly too far
     * (by a margin of 1e-6 rad, i.e. 6 m, far above its rounding error), so the exact Haversine runs
     * only for the rest; that keeps 2,000 scans of 20k+ rows fast.
     */
    private static List<Candidate> candidates(Query q, List<DealRow> all) {
        double[] c = unit(q.lat(), q.lng());
        double minDot = Math.cos(Math.min(Math.PI, (q.radiusKm() + EPS_KM) / Haversine.EARTH_RADIUS_KM + 1e-6));
        List<Candidate> near = new ArrayList<>();
        for (DealRow d : all) {
            if (d.x() * c[0] + d.y() * c[1] + d.z() * c[2] >= minDot) {
                double km = Haversine.distanceKm(q.lat(), q.lng(), d.lat(), d.lng());
                if (km <= q.radiusKm() + EPS_KM) {
                    near.add(new Candidate(d, km));
                }
            }
        }
        near.sort(Comparator.comparingDouble(Candidate::distanceKm)
                .thenComparing(n -> n.deal().key()));
        return near;
    }

    /** Every active deal within the radius, by distance then id (PostgreSQL's uuid order), first {@code limit}. */
    private static List<Hit> oracle(Query q, List<Candidate> near, Instant now) {
        return near.stream()
                .filter(n -> n.deal().activeAt(now) && n.distanceKm() <= q.radiusKm())
                .limit(q.effectiveLimit())
                .map(n -> new Hit(n.deal().key(), n.distanceKm()))
                .toList();
    }

    /**
     * PostgreSQL's libm and Java's may differ in the last bit of a distance. That matters only for
     * a deal within 1e-9 km of the radius, or for two different spots within 1e-9 km of each other
     * in distance where the order (or the limit's cut) falls between them, e.g. (0, 180) and
     * (0, -180), the same place under two names.
     */
    private static boolean isAmbiguous(Query q, List<Candidate> candidates, List<Hit> expected, Instant now) {
        List<Candidate> near =
                candidates.stream().filter(n -> n.deal().activeAt(now)).toList();
        for (Candidate n : near) {
            if (Math.abs(n.distanceKm() - q.radiusKm()) <= EPS_KM) {
                return true;
            }
        }
        int upTo = Math.min(near.size() - 1, expected.size());
        for (int i = 0; i < upTo; i++) {
            double gap = near.get(i + 1).distanceKm() - near.get(i).distanceKm();
            if (gap != 0 && gap <= EPS_KM) {
                return true;
            }
        }
        return false;
    }

    private static void checkTolerantly(
            Query q,
            List<Hit> actual,
            List<Candidate> near,
            List<Hit> expected,
            Instant before,
            Instant after,
            String what) {
        assertThat(actual).as(what).hasSizeLessThanOrEqualTo(q.effectiveLimit());
        assertThat(actual.size()).as(what).isBetween(expected.size() - 1, expected.size() + 1);
        for (int i = 0; i < actual.size(); i++) {
            Hit hit = actual.get(i);
            DealRow row = near.stream()
                    .map(Candidate::deal)
                    .filter(d -> d.key().equals(hit.id()))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(what + ": " + hit + " is not within the radius"));
            assertThat(row.activeAt(before) || row.activeAt(after)).as(what).isTrue();
            assertThat(hit.distanceKm())
                    .as(what)
                    .isCloseTo(Haversine.distanceKm(q.lat(), q.lng(), row.lat(), row.lng()), within(EPS_KM))
                    .isLessThanOrEqualTo(q.radiusKm() + EPS_KM);
            if (i > 0) {
                assertThat(hit.distanceKm())
                        .as(what)
                        .isGreaterThanOrEqualTo(actual.get(i - 1).distanceKm() - EPS_KM);
            }
        }
        double cut = actual.size() == q.effectiveLimit()
                ? actual.get(actual.size() - 1).distanceKm()
                : Double.MAX_VALUE;
        Set<String> got = new HashSet<>(ids(actual));
        for (Hit h : expected) {
            if (h.distanceKm() < q.radiusKm() - EPS_KM && h.distanceKm() < cut - EPS_KM) {
                assertThat(got).as(what).contains(h.id());
            }
        }
    }

    private List<DealRow> allDeals() {
        return jdbc.sql("SELECT id, latitude, longitude, remaining_inventory, valid_from, valid_until FROM deals")
                .query((rs, n) -> {
                    UUID id = rs.getObject(1, UUID.class);
                    return new DealRow(
                            id,
                            rs.getDouble(2),
                            rs.getDouble(3),
                            rs.getInt(4),
                            rs.getTimestamp(5).toInstant(),
                            rs.getTimestamp(6).toInstant());
                })
                .list();
    }

    // --- data and queries ---------------------------------------------------------------------

    private static double[] pointIn(Cluster c, Random random) {
        return switch (c.name()) {
            case "world" ->
                new double[] {Math.toDegrees(Math.asin(2 * random.nextDouble() - 1)), 360 * random.nextDouble() - 180};
            case "north-pole", "south-pole" -> {
                // Half of them within 0.1° of the pole (lat ±89.9x), all within 1°.
                double fromPole = random.nextBoolean() ? 0.1 * random.nextDouble() : random.nextDouble();
                yield new double[] {c.lat() > 0 ? 90 - fromPole : -90 + fromPole, 360 * random.nextDouble() - 180};
            }
            default ->
                new double[] {
                    c.lat() + (2 * random.nextDouble() - 1) * c.latSpread(),
                    wrap(c.lng() + (2 * random.nextDouble() - 1) * c.lngSpread())
                };
        };
    }

    private static Row randomDeal(String title, double lat, double lng, Instant now, Random random) {
        int total = 1 + random.nextInt(1000);
        Duration past = Duration.ofMinutes(60 + random.nextInt(14_400));
        Duration ahead = Duration.ofMinutes(60 + random.nextInt(14_400));
        int kind = random.nextInt(10);
        if (kind == 0) { // expired
            return new Row(
                    UUID.randomUUID(),
                    title + " expired",
                    lat,
                    lng,
                    total,
                    1 + random.nextInt(total),
                    now.minus(past).minus(Duration.ofDays(1)),
                    now.minus(past));
        }
        if (kind == 1) { // not started yet
            return new Row(
                    UUID.randomUUID(),
                    title + " future",
                    lat,
                    lng,
                    total,
                    total,
                    now.plus(ahead),
                    now.plus(ahead).plus(Duration.ofDays(1)));
        }
        int remaining = kind == 2 ? 0 : 1 + random.nextInt(total);
        return new Row(
                UUID.randomUUID(),
                title + (remaining == 0 ? " sold out" : ""),
                lat,
                lng,
                total,
                remaining,
                now.minus(past),
                now.plus(ahead));
    }

    private static Query randomQuery(Random random, boolean alwaysLimit) {
        double lat;
        double lng;
        if (random.nextInt(10) == 0) {
            lat = Math.toDegrees(Math.asin(2 * random.nextDouble() - 1));
            lng = 360 * random.nextDouble() - 180;
        } else {
            Cluster c = CLUSTERS.get(random.nextInt(CLUSTERS.size() - 1)); // not "world"
            double[] at = pointIn(c, random);
            lat = at[0];
            lng = at[1];
        }
        double radius = 100 * (1 - random.nextDouble()); // (0, 100]
        Integer limit = switch (random.nextInt(alwaysLimit ? 2 : 3)) {
            case 0 -> 100;
            case 1 -> 1 + random.nextInt(100);
            default -> null; // the default, 20
        };
        return new Query(lat, lng, radius, limit);
    }

    private static double wrap(double lng) {
        double w = ((lng + 180) % 360 + 360) % 360 - 180;
        return w == -180 && lng > 0 ? 180 : w;
    }

    // --- helpers ------------------------------------------------------------------------------

    /** Rows written straight into PostgreSQL bypass the tile evictions, so the cache starts over. */
    void insert(List<Row> rows) {
        DealRows.insert(jdbc, rows);
        search.clear();
    }

    private void insert(Row... rows) {
        insert(List.of(rows));
    }

    /** The search over HTTP, twice: the second answer (from the tiles the first may have loaded) must be the same. */
    private List<Hit> http(Query q) {
        List<Hit> first = httpOnce(q);
        List<Hit> second = httpOnce(q);
        assertThat(ids(second)).as("warm " + q).containsExactlyElementsOf(ids(first));
        for (int i = 0; i < first.size(); i++) {
            assertThat(second.get(i).distanceKm())
                    .as("warm " + q)
                    .isCloseTo(first.get(i).distanceKm(), within(EPS_KM));
        }
        return first;
    }

    private List<Hit> httpOnce(Query q) {
        String path = "/api/v1/deals/nearby?lat=" + q.lat() + "&lng=" + q.lng() + "&radiusKm=" + q.radiusKm()
                + (q.limit() == null ? "" : "&limit=" + q.limit());
        TestApi.Answer answer = api.get(path);
        assertThat(answer.status()).as(path + " " + answer.raw().body()).isEqualTo(200);
        JsonNode json = answer.json();
        assertThat(json.get("limit").asInt()).isEqualTo(q.effectiveLimit());
        List<Hit> hits = new ArrayList<>();
        for (JsonNode deal : json.get("deals")) {
            hits.add(new Hit(deal.get("id").asString(), deal.get("distanceKm").asDouble()));
        }
        return Collections.unmodifiableList(hits);
    }

    private static List<String> ids(List<Hit> hits) {
        return hits.stream().map(Hit::id).toList();
    }

    private static Hit find(List<Hit> hits, UUID id) {
        return hits.stream()
                .filter(h -> h.id().equals(id.toString()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("deal " + id + " not found in " + hits));
    }

    /** Great-circle distance from the straight chord between unit vectors: independent of the Haversine code. */
    private static double chordDistanceKm(double lat1, double lng1, double lat2, double lng2) {
        double[] a = unit(lat1, lng1);
        double[] b = unit(lat2, lng2);
        double chord = Math.sqrt(Math.pow(a[0] - b[0], 2) + Math.pow(a[1] - b[1], 2) + Math.pow(a[2] - b[2], 2));
        return 2 * Haversine.EARTH_RADIUS_KM * Math.asin(chord / 2);
    }

    private static double[] unit(double lat, double lng) {
        double phi = Math.toRadians(lat);
        double lambda = Math.toRadians(lng);
        return new double[] {Math.cos(phi) * Math.cos(lambda), Math.cos(phi) * Math.sin(lambda), Math.sin(phi)};
    }
}
