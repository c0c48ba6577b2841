package com.hyperlocal.flashsale.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hyperlocal.flashsale.TestApi;
import com.hyperlocal.flashsale.TestIssuer;
import com.hyperlocal.flashsale.dev.EmbeddedRedisServer;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Redis frozen (SIGSTOP) under claim load: claims answer 503 within {@link #BOUND} (Lettuce's 1 s
 * command timeout on the index lookup and on the lock), recover after SIGCONT, and every answer
 * matches the database. And a holder asking again once Redis lost the claim index is told their
 * claim, not "sold out". Uses a Redis of its own.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "flashsale.claims.queue-wait=3s",
            "flashsale.rate-limits.shopper.capacity=100000",
            "flashsale.rate-limits.shopper-deal.capacity=100000",
            "flashsale.rate-limits.ip.capacity=1000000",
            "flashsale.rate-limits.admin.capacity=100000"
        })
@ContextConfiguration(initializers = TestIssuer.Initializer.class)
@DirtiesContext
class RedisFreezeTest {

    static final Duration BOUND = Duration.ofSeconds(4);
    static final EmbeddedRedisServer REDIS = startRedis();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    StringRedisTemplate redis;

    static EmbeddedRedisServer startRedis() {
        try (var socket = new java.net.ServerSocket(0)) {
            int port = socket.getLocalPort();
            socket.close();
            return EmbeddedRedisServer.startNew(Files.createTempDirectory("freeze-redis"), port, false);
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
    void aFrozenRedisIsA503WithinTheBoundAndClaimsRecoverAfter() throws Exception {
        TestApi api = new TestApi(port);
        int inventory = 100_000;
        UUID deal = api.createDeal("Frozen Redis", 48.85, 2.35, inventory);
        long pid = redisPid();
        ClaimHistory history = new ClaimHistory();
        AtomicBoolean stop = new AtomicBoolean();
        Runnable stopped = history.load(List.of(api), deal, 8, stop);
        Thread.sleep(1_000);

        long frozenAt;
        long thawedAt;
        try (FrozenProcess frozen = FrozenProcess.freeze(pid)) {
            frozenAt = System.nanoTime();
            Thread.sleep(8_000);
            frozen.thaw();
            thawedAt = System.nanoTime();
        }
        await().atMost(Duration.ofSeconds(20))
                .until(() -> history.attempts().stream().anyMatch(a -> a.startNanos() > thawedAt && a.status() == 201));
        long recoveredAt = history.attempts().stream()
                .filter(a -> a.startNanos() > thawedAt && a.status() == 201)
                .mapToLong(ClaimHistory.Attempt::endNanos)
                .min()
                .orElseThrow();
        stop.set(true);
        stopped.run();

        List<ClaimHistory.Attempt> during = history.attempts().stream()
                .filter(a -> a.startNanos() >= frozenAt + DatabaseFreezeTest.AFTER_FREEZE.toNanos()
                        && a.endNanos() <= thawedAt)
                .toList();
        assertThat(during)
                .as("requests answered while frozen; around the freeze: %s", history.timeline(frozenAt, thawedAt))
                .isNotEmpty()
                .allSatisfy(a -> assertThat(a.status()).as("%s", a).isEqualTo(503));
        double worst = history.attempts().stream()
                .filter(a -> a.endNanos() > frozenAt && a.startNanos() < thawedAt)
                .mapToDouble(ClaimHistory.Attempt::seconds)
                .max()
                .orElseThrow();
        assertThat(worst).as("slowest answer around the freeze, s").isLessThan(BOUND.toSeconds());
        history.check(jdbc, deal, inventory);
        System.out.printf(
                "[freeze-redis] answers while frozen: %d, slowest %.2f s; types %s; first 201 %.2f s after SIGCONT%n",
                during.size(), worst, DatabaseFreezeTest.typeCounts(during), (recoveredAt - thawedAt) / 1e9);
    }

    @Test
    void aHolderAskingAfterTheSellOutIsToldTheirClaimEvenOnceTheIndexIsFlushed() throws Exception {
        TestApi api = new TestApi(port);
        UUID deal = api.createDeal("Two only, flushed", 48.85, 2.35, 2);
        ClaimHistory history = new ClaimHistory();
        String ana = await().atMost(Duration.ofSeconds(20))
                .until(() -> history.claim(api, deal, "ana"), a -> a.status() != 503)
                .claimId();
        assertThat(history.claim(api, deal, "bo").status()).isEqualTo(201);
        assertThat(history.claim(api, deal, "cy").type()).isEqualTo("sold-out");

        redis.execute((RedisCallback<Object>) c -> {
            c.serverCommands().flushAll();
            return null;
        });
        // Before and after the sold-out holders are loaded in the background: the answer is the same.
        for (int i = 0; i < 20; i++) {
            ClaimHistory.Attempt again = history.claim(api, deal, "ana");
            assertThat(again.type()).as("attempt %d", i).isEqualTo("already-claimed");
            assertThat(again.claimId()).isEqualTo(ana);
            assertThat(history.claim(api, deal, "late-" + i).type()).isEqualTo("sold-out");
            Thread.sleep(50);
        }
        history.check(jdbc, deal, 2);
    }

    private long redisPid() {
        Properties info = redis.execute(
                (RedisCallback<Properties>) c -> c.serverCommands().info("server"));
        return Long.parseLong(info.getProperty("process_id"));
    }
}
