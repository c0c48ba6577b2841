package com.hyperlocal.flashsale.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.hyperlocal.flashsale.FlashSaleApplication;
import com.hyperlocal.flashsale.TestApi;
import com.hyperlocal.flashsale.TestIssuer;
import com.hyperlocal.flashsale.crypto.TrustedKeys;
import com.hyperlocal.flashsale.crypto.VoucherVerifier;
import com.hyperlocal.flashsale.dev.EmbeddedRedisServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The claim engine checked against the sequential model of a deal under injected faults. Two
 * instances on one PostgreSQL and one Redis, a 40 ms lock lease (so leases expire mid-batch and the
 * instances' writers overlap), shoppers claiming on both; meanwhile Redis is flushed, Redis is
 * frozen, PostgreSQL is frozen, and one instance is shut down with requests in flight. Every
 * recorded answer must then agree with the database ({@link ClaimHistory#check}) and every 201
 * must carry a voucher that verifies.
 */
class ClaimEngineModelTest {

    /** Enough to last into the freezes at the load below (~120 claims/s here), so they hit live claims. */
    static final int INVENTORY = 600;

    static Path pgData;
    static EmbeddedPostgres postgres;
    static EmbeddedRedisServer redis;
    static ConfigurableApplicationContext a;
    static ConfigurableApplicationContext b;

    @BeforeAll
    static void start() throws Exception {
        pgData = Files.createTempDirectory("model-pg");
        postgres = EmbeddedPostgres.builder()
                .setDataDirectory(pgData)
                .setCleanDataDirectory(true)
                .start();
        int redisPort;
        try (var socket = new java.net.ServerSocket(0)) {
            redisPort = socket.getLocalPort();
        }
        redis = EmbeddedRedisServer.startNew(Files.createTempDirectory("model-redis"), redisPort, false);
        String[] args = {
            "--server.port=0",
            "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
            "--spring.datasource.username=postgres",
            "--spring.data.redis.host=127.0.0.1",
            "--spring.data.redis.port=" + redisPort,
            "--flashsale.claims.lock-lease=40ms",
            "--flashsale.vouchers.key-encryption-key="
                    + java.util.Base64.getEncoder().encodeToString(new byte[32]),
            "--spring.jmx.enabled=false"
        };
        a = new SpringApplicationBuilder(FlashSaleApplication.class)
                .run(TestIssuer.shared().arguments(args));
        b = new SpringApplicationBuilder(FlashSaleApplication.class)
                .run(TestIssuer.shared().arguments(args));
    }

    @AfterAll
    static void stop() throws Exception {
        for (ConfigurableApplicationContext c : new ConfigurableApplicationContext[] {a, b}) {
            if (c != null && c.isActive()) {
                c.close();
            }
        }
        if (redis != null) {
            redis.stop();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void everyAnswerUnderFaultsAgreesWithTheSequentialModelOfTheDeal() throws Exception {
        TestApi apiA = new TestApi(port(a));
        TestApi apiB = new TestApi(port(b));
        UUID deal = apiA.createDeal("Model deal", 35.68, 139.69, INVENTORY);
        ClaimHistory history = new ClaimHistory();
        AtomicBoolean stop = new AtomicBoolean();
        Runnable stopped = history.load(List.of(apiA, apiB), deal, 8, stop);
        StringRedisTemplate template = a.getBean(StringRedisTemplate.class);

        Thread.sleep(700);
        template.execute((RedisCallback<Object>)
                c -> { // the claim index and any lock vanish
                    c.serverCommands().flushAll();
                    return null;
                });
        Thread.sleep(500);
        long redisPid = Long.parseLong(template.execute((RedisCallback<java.util.Properties>)
                        c -> c.serverCommands().info("server"))
                .getProperty("process_id"));
        // Each freeze outlasts the bound it tests (Lettuce 1 s; batch-timeout 3 s), so it is felt as 503s.
        try (FrozenProcess frozen = FrozenProcess.freeze(redisPid)) {
            Thread.sleep(2_500);
        }
        Thread.sleep(700);
        try (FrozenProcess frozen = FrozenProcess.freeze(FrozenProcess.postmasterPid(pgData))) {
            Thread.sleep(4_000);
        }
        Thread.sleep(700);
        // An instance dying with requests in flight: its connector stops at once (no graceful
        // drain), so its shoppers get no answer and move to the other instance.
        ((org.springframework.boot.web.server.context.WebServerApplicationContext) b)
                .getWebServer()
                .stop();
        b.close();
        long closedAt = System.nanoTime();
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(30))
                .until(() -> history.attempts().stream()
                                .filter(x -> x.startNanos() > closedAt && x.status() != 503 && x.status() != 0)
                                .count()
                        >= 20);
        stop.set(true);
        stopped.run();

        JdbcClient jdbc = a.getBean(JdbcClient.class);
        history.check(jdbc, deal, INVENTORY);
        assertThat(history.attempts())
                .as("the faults were felt: some answers were 503")
                .anyMatch(x -> x.status() == 503);
        UUID merchant = UUID.fromString(
                apiA.get("/api/v1/deals/" + deal).json().get("merchantId").asString());
        TrustedKeys keys = TrustedKeys.fromJwksJson(
                apiA.get("/.well-known/jwks.json").raw().body());
        VoucherVerifier verifier = VoucherVerifier.builder(keys, "https://flashsale.example", merchant)
                .build();
        List<ClaimHistory.Attempt> granted =
                history.attempts().stream().filter(x -> x.status() == 201).toList();
        assertThat(granted).isNotEmpty().allSatisfy(g -> {
            assertThat(verifier.verify(g.voucher()).isValid())
                    .as("voucher of %s", g.user())
                    .isTrue();
            assertThat(jdbc.sql("SELECT voucher_token FROM claims WHERE id = CAST(:id AS uuid)")
                            .param("id", g.claimId())
                            .query(String.class)
                            .single())
                    .as("a 201 is a durable claim with that voucher")
                    .isEqualTo(g.voucher());
        });
        System.out.printf(
                "[model] %d answers: %s%n",
                history.attempts().size(), DatabaseFreezeTest.typeCounts(history.attempts()));
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }
}
