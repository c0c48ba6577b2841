package com.hyperlocal.flashsale.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import com.hyperlocal.flashsale.TestApi;
import com.hyperlocal.flashsale.TestIssuer;
import com.hyperlocal.flashsale.UnreachableRedis;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The eviction broadcast is best effort: with Redis unreachable from the start, the server still
 * starts (the subscription is retried in the background), creating a deal still succeeds, and
 * discovery shows it at once on this instance.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestIssuer.Initializer.class)
@DirtiesContext
class DiscoveryWithoutRedisTest {

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void unreachableRedis(DynamicPropertyRegistry registry) {
        UnreachableRedis.register(registry);
    }

    @Test
    void withRedisUnreachableDealsAreCreatedAndFoundAtOnce() {
        TestApi api = new TestApi(port);
        double lat = -3.21;
        double lng = -60.02;
        assertThat(api.get("/api/v1/deals/nearby?lat=" + lat + "&lng=" + lng + "&radiusKm=0.25")
                        .status())
                .isEqualTo(200); // caches the tiles
        UUID created = api.createDeal("No Redis today", lat, lng, 4);
        assertThat(api.get("/api/v1/deals/nearby?lat=" + lat + "&lng=" + lng + "&radiusKm=0.25")
                        .json()
                        .get("deals"))
                .anySatisfy(d -> assertThat(d.get("id").asString()).isEqualTo(created.toString()));
    }
}
