package com.hyperlocal.flashsale.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hyperlocal.flashsale.TestApi;
import com.hyperlocal.flashsale.TestIssuer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
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
 * PostgreSQL frozen (SIGSTOP of the postmaster and every backend: connections stay open, nothing
 * answers) under claim load: every request is answered 503 problem+json with Retry-After within
 * {@link #BOUND}, saying whether the claim may have been recorded; after SIGCONT claims succeed
 * again and every answer matches what the database holds. Uses a PostgreSQL of its own.
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
class DatabaseFreezeTest {

    /**
     * The worst case by design: queue-wait (3 s) until taken into a batch that then hangs, plus
     * batch-timeout (3 s); plus scheduling slack on a busy machine.
     */
    static final Duration BOUND = Duration.ofSeconds(8);

    /** Started this long after SIGSTOP, a claim cannot have been committed before it. */
    static final Duration AFTER_FREEZE = Duration.ofSeconds(1);

    static final Path DATA = tempDir();
    static final EmbeddedPostgres POSTGRES = start();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    static Path tempDir() {
        try {
            return Files.createTempDirectory("freeze-pg");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static EmbeddedPostgres start() {
        try {
            return EmbeddedPostgres.builder()
                    .setDataDirectory(DATA)
                    .setCleanDataDirectory(true)
                    .start();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> POSTGRES.getJdbcUrl("postgres", "postgres"));
        registry.add("spring.datasource.username", () -> "postgres");
    }

    @AfterAll
    static void stop() throws Exception {
        POSTGRES.close();
    }

    @Test
    void aFrozenDatabaseIsA503WithinTheBoundAndNothingAcknowledgedIsLost() throws Exception {
        TestApi api = new TestApi(port);
        int inventory = 100_000;
        UUID deal = api.createDeal("Frozen", 52.52, 13.40, inventory);
        ClaimHistory history = new ClaimHistory();
        AtomicBoolean stop = new AtomicBoolean();
        Runnable stopped = history.load(List.of(api), deal, 8, stop);
        Thread.sleep(1_000);

        long frozenAt;
        long thawedAt;
        try (FrozenProcess pg = FrozenProcess.freeze(FrozenProcess.postmasterPid(DATA))) {
            frozenAt = System.nanoTime();
            Thread.sleep(10_000);
            pg.thaw();
            thawedAt = System.nanoTime();
        }
        await().atMost(Duration.ofSeconds(20))
                .until(() -> history.attempts().stream().anyMatch(a -> a.startNanos() > thawedAt && a.status() == 201));
        long recoveredAt = history.attempts().stream()
                .filter(a -> a.startNanos() > thawedAt && a.status() == 201)
                .mapToLong(ClaimHistory.Attempt::endNanos)
                .min()
                .orElseThrow();
        Thread.sleep(1_000);
        stop.set(true);
        stopped.run();

        List<ClaimHistory.Attempt> during = history.attempts().stream()
                .filter(a -> a.startNanos() >= frozenAt + AFTER_FREEZE.toNanos() && a.endNanos() <= thawedAt)
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
                "[freeze-pg] answers while frozen: %d, slowest %.2f s; types %s; first 201 %.2f s after SIGCONT%n",
                during.size(), worst, typeCounts(during), (recoveredAt - thawedAt) / 1e9);
    }

    static java.util.Map<String, Long> typeCounts(List<ClaimHistory.Attempt> attempts) {
        return attempts.stream()
                .collect(java.util.stream.Collectors.groupingBy(
                        ClaimHistory.Attempt::type, java.util.TreeMap::new, java.util.stream.Collectors.counting()));
    }
}
