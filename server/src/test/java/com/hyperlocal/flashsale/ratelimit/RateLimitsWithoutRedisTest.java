package com.hyperlocal.flashsale.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import com.hyperlocal.flashsale.TestApi;
import com.hyperlocal.flashsale.TestIssuer;
import com.hyperlocal.flashsale.UnreachableRedis;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Redis unreachable: the limits still hold, counted by this instance alone, so an outage never
 * opens PostgreSQL to unlimited reads.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"flashsale.rate-limits.ip.capacity=3", "flashsale.dev-identity.enabled=false"})
@ContextConfiguration(initializers = TestIssuer.Initializer.class)
@DirtiesContext
class RateLimitsWithoutRedisTest {

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void unreachableRedis(DynamicPropertyRegistry registry) {
        UnreachableRedis.register(registry);
    }

    @Test
    void withRedisDownEachInstanceStillRefusesTheRequestOverTheLimit() {
        TestApi api = new TestApi(port);
        for (int i = 0; i < 3; i++) {
            assertThat(api.get(ForgedForwardedForTest.NEARBY).status()).isEqualTo(200);
        }
        TestApi.Answer over = api.get(ForgedForwardedForTest.NEARBY);
        assertThat(over.status()).isEqualTo(429);
        assertThat(over.json().get("limit").asString()).isEqualTo("ip");
        assertThat(over.header("RateLimit-Policy")).isEqualTo("\"ip\";q=3;w=60");
    }
}
