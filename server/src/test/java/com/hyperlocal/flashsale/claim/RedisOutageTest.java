package com.hyperlocal.flashsale.claim;

import static org.assertj.core.api.Assertions.assertThat;

import com.hyperlocal.flashsale.TestApi;
import com.hyperlocal.flashsale.TestIssuer;
import com.hyperlocal.flashsale.dev.EmbeddedRedisServer;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Fail-safe: with Redis gone, claims answer 503 + Retry-After and write nothing, while reads and
 * discovery keep working; once Redis is back, claims succeed again. Uses a Redis of its own so
 * stopping it disturbs no other test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestIssuer.Initializer.class)
@DirtiesContext // closes this context (and its Redis client) before the test's own Redis goes away
class RedisOutageTest {

    static final EmbeddedRedisServer REDIS = startRedis();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SoldOutDeals soldOut;

    static EmbeddedRedisServer startRedis() {
        try (var socket = new java.net.ServerSocket(0)) {
            int port = socket.getLocalPort();
            socket.close();
            return EmbeddedRedisServer.startNew(Files.createTempDirectory("outage-redis"), port, false);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void redis(DynamicPropertyRegistry registry) {
        registry.add("spring.data.redis.host", () -> "127.0.0.1");
        registry.add("spring.data.redis.port", REDIS::port);
    }

    @AfterAll
    static void stopRedis() {
        REDIS.stop();
    }

    @Test
    void claimsFailSafeWhileRedisIsDownAndRecoverWhenItReturns() throws Exception {
        TestApi api = new TestApi(port);
        UUID deal = api.createDeal("Outage", 28.61, 77.20, 10);
        assertThat(claimOnceRedisAnswers(api, deal, "before").status()).isEqualTo(201);

        REDIS.stop();
        try {
            TestApi.Answer refused = api.claim(deal, "during");
            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.header("Retry-After")).isEqualTo("1");
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().get("type").asString()).isEqualTo("urn:flashsale:problem:dependency-unavailable");
            assertThat(claimsOf(deal)).isEqualTo(1);
            assertThat(remaining(deal)).isEqualTo(9);

            assertThat(api.get("/api/v1/deals/" + deal).status()).isEqualTo(200);
            assertThat(api.get("/api/v1/deals/nearby?lat=28.61&lng=77.20&radiusKm=1")
                            .json()
                            .get("deals"))
                    .anySatisfy(d -> assertThat(d.get("id").asString()).isEqualTo(deal.toString()));

            // Creating a deal still works (its tile-eviction broadcast is best effort) and discovery shows it.
            UUID during = api.createDeal("Created during the outage", 28.61, 77.20, 3);
            assertThat(api.get("/api/v1/deals/nearby?lat=28.61&lng=77.20&radiusKm=1")
                            .json()
                            .get("deals"))
                    .anySatisfy(d -> assertThat(d.get("id").asString()).isEqualTo(during.toString()));
        } finally {
            REDIS.start();
        }

        assertThat(claimOnceRedisAnswers(api, deal, "after").status()).isEqualTo(201);
        assertThat(claimsOf(deal)).isEqualTo(2);
        assertThat(remaining(deal)).isEqualTo(8);
    }

    @Test
    void aSoldOutDealIsAnsweredFromMemoryWhileRedisIsDown() throws Exception {
        TestApi api = new TestApi(port);
        UUID deal = api.createDeal("Two only", 28.61, 77.20, 2);
        TestApi.Answer first = claimOnceRedisAnswers(api, deal, "ana");
        assertThat(first.status()).isEqualTo(201);
        assertThat(api.claim(deal, "bo").status()).isEqualTo(201);
        assertThat(api.claim(deal, "cy").json().get("type").asString()).isEqualTo("urn:flashsale:problem:sold-out");
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(30));
        while (!soldOut.surelyNotHolder(deal, "someone-new") && Instant.now().isBefore(giveUp)) {
            Thread.sleep(20); // the holders are read in the background
        }

        REDIS.stop();
        try {
            for (int i = 0; i < 5; i++) {
                TestApi.Answer late = api.claim(deal, "late-" + i);
                assertThat(late.status()).isEqualTo(409);
                assertThat(late.json().get("type").asString()).isEqualTo("urn:flashsale:problem:sold-out");
            }
            // A holder is never told "sold out": without Redis the database names their claim.
            TestApi.Answer again = api.claim(deal, "ana");
            assertThat(again.status()).isEqualTo(409);
            assertThat(again.json().get("claimId").asString())
                    .isEqualTo(first.json().get("id").asString());
        } finally {
            REDIS.start();
        }
        assertThat(claimsOf(deal)).isEqualTo(2);
        assertThat(remaining(deal)).isZero();
    }

    /** Lettuce reconnects in the background after Redis returns (also after the other test). */
    private static TestApi.Answer claimOnceRedisAnswers(TestApi api, UUID deal, String user)
            throws InterruptedException {
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(30));
        TestApi.Answer answer = api.claim(deal, user);
        while (answer.status() == 503 && Instant.now().isBefore(giveUp)) {
            Thread.sleep(200);
            answer = api.claim(deal, user);
        }
        return answer;
    }

    private int claimsOf(UUID deal) {
        return jdbc.sql("SELECT count(*) FROM claims WHERE deal_id = :d")
                .param("d", deal)
                .query(Integer.class)
                .single();
    }

    private int remaining(UUID deal) {
        return jdbc.sql("SELECT remaining_inventory FROM deals WHERE id = :d")
                .param("d", deal)
                .query(Integer.class)
                .single();
    }
}
