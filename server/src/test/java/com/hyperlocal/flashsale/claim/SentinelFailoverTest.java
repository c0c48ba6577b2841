package com.hyperlocal.flashsale.claim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hyperlocal.flashsale.TestApi;
import com.hyperlocal.flashsale.TestIssuer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
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
 * The server on Redis Sentinel (the standard {@code spring.data.redis.sentinel.*} settings): under
 * a steady claim load the primary is killed; while the Sentinel fails over, claims answer 503, then
 * they resume on the promoted replica, and the deal sells out with every unit in the database
 * exactly once — no oversell, nobody twice, every 201 a claim row. Needs the machine's
 * {@code redis-server} (Debian's package); without it the test is skipped.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "flashsale.rate-limits.shopper.capacity=100000",
            "flashsale.rate-limits.shopper-deal.capacity=100000",
            "flashsale.rate-limits.ip.capacity=1000000",
            "flashsale.rate-limits.admin.capacity=100000"
        })
@ContextConfiguration(initializers = TestIssuer.Initializer.class)
@DirtiesContext // closes this context (and its Redis client) before the test's Redis processes go away
class SentinelFailoverTest {

    private static final Optional<Path> REDIS = SentinelGroup.redisServer();
    private static final SentinelGroup GROUP = REDIS.map(SentinelGroup::start).orElse(null);
    private static final int UNITS = 120;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    /** One answer: when it came (nanoTime) and its status. */
    private record Answer(long at, int status, String user) {}

    @BeforeAll
    static void needsRedisServer() {
        Assumptions.assumeTrue(
                GROUP != null,
                "redis-server not found on PATH or at /usr/bin/redis-server: Sentinel failover test skipped");
        await().atMost(Duration.ofSeconds(40)).until(() -> GROUP.view().healthyReplicas() == 1);
    }

    @DynamicPropertySource
    static void sentinel(DynamicPropertyRegistry registry) {
        if (GROUP != null) {
            registry.add("spring.data.redis.sentinel.master", () -> SentinelGroup.MASTER);
            registry.add("spring.data.redis.sentinel.nodes", () -> "127.0.0.1:" + GROUP.sentinelPort());
        }
    }

    @AfterAll
    static void stop() {
        if (GROUP != null) {
            GROUP.close();
        }
    }

    @Test
    void claimsAnswer503WhileSentinelFailsOverThenResumeAndNothingIsOversoldOrDuplicated() throws Exception {
        TestApi api = new TestApi(port);
        UUID deal = api.createDeal("Failover sale", 19.076, 72.8777, UNITS);
        int oldMaster = GROUP.view().masterPort();
        ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
        AtomicBoolean stop = new AtomicBoolean();
        List<Future<?>> workers;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            workers = java.util.stream.IntStream.range(0, 8)
                    .<Future<?>>mapToObj(w -> pool.submit(() -> {
                        for (int i = 0; !stop.get(); i++) {
                            String user = "w" + w + "-" + i;
                            answers.add(new Answer(
                                    System.nanoTime(), api.claim(deal, user).status(), user));
                            Thread.sleep(25);
                        }
                        return null;
                    }))
                    .toList();

            await().atMost(Duration.ofSeconds(30)).until(() -> count(answers, 201, Long.MIN_VALUE) >= 10);
            GROUP.killPrimary();
            long killedAt = System.nanoTime();
            await().atMost(Duration.ofSeconds(30)).until(() -> GROUP.view().masterPort() != oldMaster);
            long failedOverAt = System.nanoTime();
            // Claims resume on the new primary and the deal sells out.
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> answers.stream().anyMatch(a -> a.at() - failedOverAt > 0 && a.status() == 409));
            stop.set(true);
            for (Future<?> worker : workers) {
                worker.get();
            }
            assertThat(answers)
                    .allSatisfy(a -> assertThat(a.status()).as(a.toString()).isIn(201, 409, 503));
            // Between the kill and the moment this test saw the Sentinel's new answer, claims were
            // refused (a 201 in that window can only come from a batch locked before the kill, or from
            // the promoted replica once Lettuce reconnected to it, which can precede what we observe).
            assertThat(answers.stream()
                            .filter(a -> a.at() - killedAt > 0 && a.at() - failedOverAt < 0)
                            .map(Answer::status))
                    .as("answers during the failover")
                    .contains(503);
            assertThat(count(answers, 201, failedOverAt))
                    .as("claims after the failover")
                    .isPositive();
        } finally {
            stop.set(true);
            pool.shutdown();
        }

        int remaining = jdbc.sql("SELECT remaining_inventory FROM deals WHERE id = :d")
                .param("d", deal)
                .query(Integer.class)
                .single();
        int claims = jdbc.sql("SELECT count(*) FROM claims WHERE deal_id = :d")
                .param("d", deal)
                .query(Integer.class)
                .single();
        int twice = jdbc.sql("SELECT count(*) FROM (SELECT user_id FROM claims WHERE deal_id = :d GROUP BY user_id"
                        + " HAVING count(*) > 1) t")
                .param("d", deal)
                .query(Integer.class)
                .single();
        Set<String> won = new java.util.HashSet<>(answers.stream()
                .filter(a -> a.status() == 201)
                .map(Answer::user)
                .toList());
        List<String> holders = jdbc.sql("SELECT user_id FROM claims WHERE deal_id = :d")
                .param("d", deal)
                .query(String.class)
                .list();
        assertThat(remaining).isZero();
        assertThat(claims).isEqualTo(UNITS - remaining);
        assertThat(twice).isZero();
        assertThat(Set.copyOf(holders)).isEqualTo(won);
    }

    private static long count(ConcurrentLinkedQueue<Answer> answers, int status, long after) {
        return answers.stream()
                .filter(a -> a.status() == status && (after == Long.MIN_VALUE || a.at() - after > 0))
                .count();
    }
}
