package com.hyperlocal.flashsale.voucher;

import static org.assertj.core.api.Assertions.assertThat;

import com.hyperlocal.flashsale.FlashSaleApplication;
import com.hyperlocal.flashsale.MutableClock;
import com.hyperlocal.flashsale.TestApi;
import com.hyperlocal.flashsale.TestIssuer;
import com.hyperlocal.flashsale.crypto.TrustedKeys;
import com.hyperlocal.flashsale.crypto.VoucherVerifier;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two server instances (two Spring contexts) on one database with shared keys: they sign and publish
 * the same keys, rotate together, and a till that fetched the JWKS once inside the pre-publication
 * window verifies vouchers either instance signs after the switch. Private keys are sealed at rest.
 * The voucher configuration names the configured origin whatever the Host header says.
 */
class SharedVoucherKeysTest {

    static final MutableClock CLOCK = new MutableClock();
    static final String ORIGIN = "https://deals.example.com";
    static EmbeddedPostgres postgres;
    static ConfigurableApplicationContext a;
    static ConfigurableApplicationContext b;

    @Configuration(proxyBeanMethods = false)
    static class SharedClock {
        @Bean
        @Primary
        MutableClock sharedClock() {
            return CLOCK;
        }
    }

    @BeforeAll
    static void startTwoInstances() throws Exception {
        postgres = EmbeddedPostgres.builder()
                .setDataDirectory(Files.createTempDirectory("shared-keys-pg"))
                .setCleanDataDirectory(true)
                .start();
        byte[] kek = new byte[32];
        new SecureRandom().nextBytes(kek);
        String[] args = {
            "--server.port=0",
            "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
            "--spring.datasource.username=postgres",
            "--flashsale.vouchers.public-base-url=" + ORIGIN + "/",
            "--flashsale.vouchers.key-encryption-key=" + Base64.getEncoder().encodeToString(kek),
            "--spring.jmx.enabled=false"
        };
        a = new SpringApplicationBuilder(FlashSaleApplication.class, SharedClock.class)
                .run(TestIssuer.shared().arguments(args));
        b = new SpringApplicationBuilder(FlashSaleApplication.class, SharedClock.class)
                .run(TestIssuer.shared().arguments(args));
    }

    @AfterAll
    static void stop() throws Exception {
        for (ConfigurableApplicationContext c : new ConfigurableApplicationContext[] {a, b}) {
            if (c != null) {
                c.close();
            }
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void twoInstancesShareKeysRotateTogetherAndATillThatRefreshedOnceKeepsVerifying() throws Exception {
        VoucherKeyring ringA = a.getBean(VoucherKeyring.class);
        VoucherKeyring ringB = b.getBean(VoucherKeyring.class);
        TestApi apiA = new TestApi(port(a));
        TestApi apiB = new TestApi(port(b));
        assertThat(ringB.activeKid())
                .as("the second instance uses the first one's key")
                .isEqualTo(ringA.activeKid());
        assertThat(jwks(apiA).toJwksJson()).isEqualTo(jwks(apiB).toJwksJson());
        String oldKid = ringA.activeKid();

        String next = ringA.rotate();
        ringB.refresh(); // what its scheduled refresh does within refresh-interval
        assertThat(ringB.nextKid()).contains(next);
        TrustedKeys fetchedOnce = jwks(apiB); // a till refreshing inside the window, from either instance
        assertThat(fetchedOnce.kids()).contains(oldKid, next);
        assertThat(ringA.activeKid()).isEqualTo(oldKid);
        assertThat(ringB.activeKid()).isEqualTo(oldKid);

        CLOCK.advance(a.getBean(VoucherProperties.class).publishAhead());
        assertThat(ringA.activeKid()).isEqualTo(next);
        assertThat(ringB.activeKid()).as("both switch at the same instant").isEqualTo(next);

        UUID deal = apiA.createDeal("Shared keys", 59.33, 18.06, 10);
        UUID merchant = UUID.fromString(
                apiA.get("/api/v1/deals/" + deal).json().get("merchantId").asString());
        VoucherVerifier till = VoucherVerifier.builder(fetchedOnce, "https://flashsale.example", merchant)
                .clock(CLOCK)
                .build();
        for (TestApi api : List.of(apiA, apiB)) {
            TestApi.Answer claim = api.claim(deal, "user-" + UUID.randomUUID());
            assertThat(claim.status()).isEqualTo(201);
            String voucher = claim.json().get("voucher").asString();
            assertThat(till.verify(voucher).isValid())
                    .as("signed after the switch, verified with keys fetched before")
                    .isTrue();
        }
        assertThat(jwks(apiA).toJwksJson()).isEqualTo(jwks(apiB).toJwksJson());
        CLOCK.reset();
    }

    @Test
    void privateKeysAreSealedAtRest() {
        JdbcClient jdbc = a.getBean(JdbcClient.class);
        List<byte[]> sealed = jdbc.sql("SELECT sealed_private_jwk FROM voucher_keys")
                .query((rs, n) -> rs.getBytes(1))
                .list();
        assertThat(sealed)
                .isNotEmpty()
                .allSatisfy(bytes -> assertThat(new String(bytes, StandardCharsets.ISO_8859_1))
                        .doesNotContain("\"d\"")
                        .doesNotContain("\"kty\""));
        for (KeyEntry key : a.getBean(VoucherKeyring.class).entries()) {
            String d = TestApi.JSON.readTree(key.key().toJwkJson()).get("d").asString();
            assertThat(jdbc.sql(
                                    "SELECT count(*) FROM voucher_keys WHERE public_jwk LIKE :d OR encode(sealed_private_jwk,"
                                            + " 'escape') LIKE :d")
                            .param("d", "%" + d + "%")
                            .query(Integer.class)
                            .single())
                    .isZero();
        }
    }

    @Test
    void theVoucherConfigurationNamesTheConfiguredOriginWhateverTheHostHeader() throws Exception {
        String answer = rawGet(port(a), "/.well-known/voucher-configuration", "evil.example:666");
        assertThat(answer)
                .startsWith("HTTP/1.1 200")
                .contains("\"jwks_uri\":\"" + ORIGIN + "/.well-known/jwks.json\"")
                .doesNotContain("evil.example");
    }

    private static String rawGet(int port, String path, String host) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    private static TrustedKeys jwks(TestApi api) throws Exception {
        return TrustedKeys.fromJwksJson(api.get("/.well-known/jwks.json").raw().body());
    }
}
