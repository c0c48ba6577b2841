package com.hyperlocal.flashsale.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import com.hyperlocal.flashsale.FlashSaleApplication;
import com.hyperlocal.flashsale.TestApi;
import com.hyperlocal.flashsale.TestIssuer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two server instances (two Spring contexts, one PostgreSQL, one Redis) count every limit
 * together: requests alternate between them and the limit still holds at its capacity.
 */
class SharedRateLimitsTest {

    static final List<ConfigurableApplicationContext> INSTANCES = new ArrayList<>();
    static TestApi a;
    static TestApi b;

    @BeforeAll
    static void startTwoInstances() {
        for (int i = 0; i < 2; i++) {
            INSTANCES.add(new SpringApplicationBuilder(FlashSaleApplication.class)
                    .run(TestIssuer.shared()
                            .arguments(
                                    "--server.port=0",
                                    "--flashsale.rate-limits.shopper.capacity=3",
                                    "--flashsale.rate-limits.shopper-deal.capacity=2",
                                    "--flashsale.rate-limits.ip.capacity=5",
                                    "--flashsale.rate-limits.admin.capacity=4")));
        }
        // Until its Redis connection is up an instance counts locally; the test is about the shared count.
        INSTANCES.forEach(instance -> Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(() -> instance.getBean(RedisBuckets.class).connected()));
        a = new TestApi(port(INSTANCES.get(0)));
        b = new TestApi(port(INSTANCES.get(1)));
    }

    @AfterAll
    static void stop() {
        INSTANCES.forEach(ConfigurableApplicationContext::close);
    }

    static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    @Test
    void limitsAreSharedByBothInstances() {
        // admin: 4 per minute per IP (1 here, creating the merchant, then 3 listings).
        UUID deal = a.createDeal("Limited", 12.97, 77.59, 100);
        assertThat(b.getAs(TestApi.ADMIN_TOKEN, "/api/v1/admin/merchants").status())
                .isEqualTo(200);
        assertThat(a.getAs(TestApi.ADMIN_TOKEN, "/api/v1/admin/merchants").status())
                .isEqualTo(200);
        assertThat(b.getAs(TestApi.ADMIN_TOKEN, "/api/v1/admin/merchants").status())
                .isEqualTo(200);
        assertRateLimited(a.getAs(TestApi.ADMIN_TOKEN, "/api/v1/admin/merchants"), "admin", 4);

        // shopper per deal: 2 per minute, whatever the answers were.
        String alice = TestIssuer.shared().token("rl-alice");
        assertThat(a.claimWith(alice, deal).status()).isEqualTo(201);
        assertThat(b.claimWith(alice, deal).status()).isEqualTo(409);
        assertRateLimited(a.claimWith(alice, deal), "shopper-deal", 2);

        // shopper over all deals: 3 per minute.
        String bob = TestIssuer.shared().token("rl-bob");
        for (int i = 0; i < 3; i++) {
            UUID other = (i % 2 == 0 ? a : b).createDeal(a.merchant().apiKey(), "Other " + i, 12.97, 77.59, 5);
            assertThat((i % 2 == 0 ? b : a).claimWith(bob, other).status()).isEqualTo(201);
        }
        assertRateLimited(b.claimWith(bob, a.createDeal("One more", 12.97, 77.59, 5)), "shopper", 3);

        // IP, unauthenticated: 5 per minute, public reads, 401s and unknown paths alike.
        assertThat(a.get("/api/v1/deals/" + deal).status()).isEqualTo(200);
        assertThat(b.get("/api/v1/deals/" + deal).status()).isEqualTo(200);
        assertThat(a.claimWith("not-a-token", deal).status()).isEqualTo(401);
        assertThat(b.getAs("fsk_wrong", "/api/v1/merchant/me").status()).isEqualTo(401);
        assertThat(a.get("/api/v1/no-such-path").status()).isEqualTo(404);
        assertRateLimited(b.get("/api/v1/deals/" + deal), "ip", 5);
        assertRateLimited(a.claimWith("not-a-token", deal), "ip", 5);
        // Ping and health are not counted; authenticated shoppers are not counted per IP.
        assertThat(a.get("/api/v1/ping").status()).isEqualTo(200);
        assertThat(b.claimWith(TestIssuer.shared().token("rl-carol"), deal).status())
                .isEqualTo(201);
    }

    private static void assertRateLimited(TestApi.Answer answer, String limit, int capacity) {
        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(429);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("type").asString()).isEqualTo("urn:flashsale:problem:rate-limited");
        assertThat(answer.json().get("limit").asString()).isEqualTo(limit);
        long retryAfter = Long.parseLong(answer.header("Retry-After"));
        assertThat(retryAfter).isBetween(1L, 60L);
        assertThat(answer.header("RateLimit-Policy")).isEqualTo("\"" + limit + "\";q=" + capacity + ";w=60");
        assertThat(answer.header("RateLimit")).isEqualTo("\"" + limit + "\";r=0;t=" + retryAfter);
    }
}
