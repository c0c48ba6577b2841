package com.hyperlocal.flashsale.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import com.hyperlocal.flashsale.ConnectionCounter;
import com.hyperlocal.flashsale.DealRows;
import com.hyperlocal.flashsale.DealRows.Row;
import com.hyperlocal.flashsale.IntegrationTest;
import com.hyperlocal.flashsale.MutableClock;
import com.hyperlocal.flashsale.TestApi;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How stale a cached tile may be: a change made behind the server's back (SQL) shows once the
 * tile-ttl has passed; a change made through this instance, or announced by another instance over
 * Redis, shows at once; the end of a deal's window is exact even while its tile is cached. Every
 * search here has a radius of 0.25 km, a single ring that tiles always answer.
 */
@IntegrationTest
class TileCacheFreshnessTest {

    private static final double RING_KM = 0.25;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DiscoveryService service;

    @Autowired
    TiledNearbySearch search;

    @Autowired
    DiscoveryCacheProperties properties;

    @Autowired
    MutableClock clock;

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    MeterRegistry meters;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aDealInsertedBehindTheServersBackIsHiddenWhileItsTileIsCachedAndShownAfterTheTtl() {
        double lat = 41.2;
        double lng = -40.3;
        Row first = Row.active("first", lat, lng);
        insertAndClear(first);
        assertThat(idsNear(lat, lng)).contains(first.id());

        Row late = Row.active("late", lat + 0.0001, lng);
        DealRows.insert(jdbc, late);
        assertThat(idsNear(lat, lng)).contains(first.id()).doesNotContain(late.id());

        clock.advance(properties.tileTtl().dividedBy(2).minusMillis(100));
        assertThat(idsNear(lat, lng)).doesNotContain(late.id()); // a tile lives at least half the ttl
        clock.advance(properties.tileTtl().dividedBy(2).plusMillis(100));
        assertThat(idsNear(lat, lng)).contains(first.id(), late.id()); // and at most the ttl
    }

    @Test
    void aDealCreatedOrClosedThroughTheApiOnThisInstanceIsSeenAtOnce() {
        TestApi api = new TestApi(port);
        double lat = -8.77;
        double lng = -120.41;
        Row neighbour = Row.active("neighbour", lat, lng + 0.0002);
        insertAndClear(neighbour);
        assertThat(idsNear(lat, lng)).containsExactly(neighbour.id()); // the tiles are cached now

        UUID created = api.createDeal("Fresh bread", lat, lng, 5);
        assertThat(idsNear(lat, lng)).contains(created, neighbour.id());

        TestApi.Answer closed = api.postAs(api.merchant().apiKey(), "/api/v1/merchant/deals/" + created + "/close", "");
        assertThat(closed.status()).as(closed.raw().body()).isEqualTo(200);
        assertThat(idsNear(lat, lng)).containsExactly(neighbour.id());
    }

    @Test
    void anEvictionAnnouncedByAnotherInstanceOverRedisDropsTheTile() throws InterruptedException {
        double lat = 33.3;
        double lng = 150.6;
        Row first = Row.active("first", lat, lng);
        insertAndClear(first);
        assertThat(idsNear(lat, lng)).containsExactly(first.id());
        Row elsewhere = Row.active("created on another instance", lat, lng);
        DealRows.insert(jdbc, elsewhere);
        assertThat(idsNear(lat, lng)).doesNotContain(elsewhere.id());

        // Sent again until seen: the subscription is made in the background at startup (and made
        // again if its self-probe finds it silent), and a message published while there is none is
        // lost (the tile-ttl covers that in production).
        Instant giveUp = Instant.now().plusSeconds(20);
        while (!idsNear(lat, lng).contains(elsewhere.id()) && Instant.now().isBefore(giveUp)) {
            redis.convertAndSend(TileEvictions.CHANNEL, "another-instance " + lat + " " + lng);
            Thread.sleep(50);
        }
        assertThat(idsNear(lat, lng))
                .as(
                        "after %s eviction message(s) received",
                        meters.get("flashsale.discovery.tile.evictions.received")
                                .counter()
                                .count())
                .contains(first.id(), elsewhere.id());
    }

    @Test
    void aCachedDealDisappearsExactlyWhenItsValidUntilPasses() {
        double lat = -51.6;
        double lng = 2.9;
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Instant end = now.plusSeconds(10);
        Row ending = Row.active("ending", lat, lng).withWindow(now.minus(Duration.ofHours(1)), end);
        insertAndClear(ending);
        assertThat(ids(search.find(lat, lng, RING_KM, 10, now))).containsExactly(ending.id());
        double loads = loads();

        assertThat(ids(search.find(lat, lng, RING_KM, 10, end.minusNanos(1_000))))
                .containsExactly(ending.id());
        assertThat(ids(search.find(lat, lng, RING_KM, 10, end.minusNanos(1)))).containsExactly(ending.id());
        assertThat(ids(search.find(lat, lng, RING_KM, 10, end))).isEmpty();
        assertThat(loads()).as("answered by the cached tile").isEqualTo(loads);

        clock.advance(Duration.between(clock.instant(), end).plusMillis(1));
        assertThat(idsNear(lat, lng)).isEmpty();
    }

    @Test
    void aSearchAnsweredFromCachedTilesBorrowsNoDatabaseConnection() {
        double lat = 7.7;
        double lng = 81.9;
        Row deal = Row.active("cached", lat, lng);
        insertAndClear(deal);
        assertThat(idsNear(lat, lng)).containsExactly(deal.id());

        long borrowed = ConnectionCounter.borrowed();
        assertThat(idsNear(lat, lng)).containsExactly(deal.id());
        assertThat(ConnectionCounter.borrowed()).isEqualTo(borrowed);
    }

    private void insertAndClear(Row... rows) {
        DealRows.insert(jdbc, rows);
        search.clear();
    }

    private List<UUID> idsNear(double lat, double lng) {
        return ids(service.nearby(new NearbyQuery(lat, lng, RING_KM, 100)).deals());
    }

    private static List<UUID> ids(List<NearbyDeal> deals) {
        return deals.stream().map(NearbyDeal::id).toList();
    }

    private double loads() {
        return meters.get("flashsale.discovery.tile.loads").counter().count();
    }
}
