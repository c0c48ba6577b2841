package com.hyperlocal.flashsale.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hyperlocal.flashsale.TestApi;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Discovery on a real physical streaming standby ({@link StreamingReplica}): a deal created on
 * the primary shows through the replica within the lag bound; a replica whose replay is paused
 * past the bound, or that is stopped, sends discovery to the primary (and the meters say so),
 * never a 5xx; once it is back, discovery reads it again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class DiscoveryReplicaTest {

    private static final Duration BOUND = StreamingReplica.MAX_LAG;

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    private TestApi api;

    @DynamicPropertySource
    static void replica(DynamicPropertyRegistry registry) {
        StreamingReplica.configure(registry);
    }

    @BeforeEach
    void replicaInUse() {
        api = new TestApi(port);
        await().atMost(Duration.ofSeconds(30)).until(() -> gauge("flashsale.discovery.replica.in.use") == 1);
    }

    @Test
    void aDealCreatedOnThePrimaryIsFoundThroughTheStreamingReplicaWithinTheLagBound() throws SQLException {
        StreamingReplica pair = StreamingReplica.shared();
        assertThat(single(pair.standbyUrl(), "SELECT pg_is_in_recovery()::text"))
                .isEqualTo("true");
        assertThat(single(pair.primaryUrl(), "SELECT state FROM pg_stat_replication"))
                .isEqualTo("streaming");
        assertThat(gauge("hikaricp.connections.max", "pool", "replica")).isEqualTo(6); // hikari.* sub-settings bind
        double fallbacks = fallbacks();
        double replicaReads = reads("replica", "fresh");

        UUID deal = api.createDeal("Seen on the replica", 47.3769, 8.5417, 5);
        for (double radiusKm : new double[] {60, 0.25}) { // a SQL ring, then tiles
            await().atMost(BOUND)
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> nearby(47.3769, 8.5417, radiusKm).contains(deal.toString()));
        }
        assertThat(reads("replica", "fresh")).isGreaterThan(replicaReads);
        assertThat(fallbacks()).isEqualTo(fallbacks);
        assertThat(gauge("flashsale.discovery.replica.lag")).isBetween(0.0, BOUND.toSeconds() * 1.0);
    }

    @Test
    void aReplicaLaggingPastTheBoundSendsDiscoveryToThePrimary() throws SQLException {
        StreamingReplica pair = StreamingReplica.shared();
        pair.pauseReplay();
        try {
            UUID deal = api.createDeal("Not replayed yet", -1.2921, 36.8219, 5);
            assertThat(single(pair.standbyUrl(), "SELECT count(*)::text FROM deals WHERE id = '" + deal + "'"))
                    .isEqualTo("0");
            await().atMost(BOUND.multipliedBy(3))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> gauge("flashsale.discovery.replica.in.use") == 0);
            assertThat(gauge("flashsale.discovery.replica.lag")).isGreaterThan(BOUND.toSeconds() * 1.0);
            double lagged = reads("primary", "lag");
            assertThat(nearby(-1.2921, 36.8219, 60)).contains(deal.toString());
            assertThat(nearby(-1.2921, 36.8219, 0.25)).contains(deal.toString());
            assertThat(reads("primary", "lag")).isGreaterThan(lagged);
        } finally {
            pair.resumeReplay();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> gauge("flashsale.discovery.replica.in.use") == 1);
        assertThat(gauge("flashsale.discovery.replica.lag")).isLessThan(BOUND.toSeconds() * 1.0);
    }

    @Test
    void aStoppedReplicaSendsDiscoveryToThePrimaryWithoutAnError() {
        StreamingReplica pair = StreamingReplica.shared();
        double before = reads("primary", "error") + reads("primary", "down");
        pair.stopStandby();
        try {
            UUID deal = api.createDeal("Replica gone", 35.6762, 139.6503, 5);
            // At once (before the probe notices) and afterwards: every answer is a 200 from the primary.
            for (int i = 0; i < 40; i++) {
                assertThat(nearby(35.6762, 139.6503, i % 2 == 0 ? 60 : 0.25)).contains(deal.toString());
            }
            assertThat(reads("primary", "error") + reads("primary", "down")).isGreaterThan(before);
            assertThat(gauge("flashsale.discovery.replica.in.use")).isZero();
            assertThat(gauge("flashsale.discovery.replica.lag")).isNaN();
        } finally {
            pair.startStandby();
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> gauge("flashsale.discovery.replica.in.use") == 1);
        double replicaReads = reads("replica", "fresh");
        assertThat(nearby(35.6762, 139.6503, 60)).isNotEmpty();
        assertThat(reads("replica", "fresh")).isGreaterThan(replicaReads);
    }

    /** The ids found; the answer must be a 200. */
    private List<String> nearby(double lat, double lng, double radiusKm) {
        TestApi.Answer answer =
                api.get("/api/v1/deals/nearby?lat=" + lat + "&lng=" + lng + "&radiusKm=" + radiusKm + "&limit=100");
        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(200);
        List<String> ids = new java.util.ArrayList<>();
        answer.json().get("deals").forEach(d -> ids.add(d.get("id").asString()));
        return ids;
    }

    private double fallbacks() {
        return reads("primary", "lag") + reads("primary", "down") + reads("primary", "error");
    }

    private double reads(String target, String reason) {
        return meters.get("flashsale.discovery.reads")
                .tag("target", target)
                .tag("reason", reason)
                .counter()
                .count();
    }

    private double gauge(String name, String... tags) {
        return meters.get(name).tags(tags).gauge().value();
    }

    private static String single(String url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "postgres", "");
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            assertThat(rs.next()).as(sql).isTrue();
            return rs.getString(1);
        }
    }
}
