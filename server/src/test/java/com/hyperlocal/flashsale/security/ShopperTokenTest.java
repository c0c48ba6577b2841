package com.hyperlocal.flashsale.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.hyperlocal.flashsale.IntegrationTest;
import com.hyperlocal.flashsale.TestApi;
import com.hyperlocal.flashsale.TestIssuer;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACSigner;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Shoppers' bearer JWTs, checked by the resource server against {@link TestIssuer}'s JWKS over HTTP:
 * every kind of bad token is a 401 problem with a Bearer challenge, and nothing is written.
 */
@IntegrationTest
class ShopperTokenTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    TestApi api;
    final TestIssuer issuer = TestIssuer.shared();

    @BeforeEach
    void setUp() {
        api = new TestApi(port);
    }

    @Test
    void rs256AndEs256TokensOfTheProviderClaimAsTheirSubject() {
        UUID deal = api.createDeal("Two algorithms", 12.97, 77.59, 5);
        TestApi.Answer rsa = api.claimWith(issuer.token("rita"), deal);
        TestApi.Answer ec = api.claimWith(issuer.es256("eli", c -> {}), deal);
        assertThat(rsa.status()).as(rsa.raw().body()).isEqualTo(201);
        assertThat(ec.status()).as(ec.raw().body()).isEqualTo(201);
        assertThat(rsa.json().get("userId").asString()).isEqualTo("rita");
        assertThat(ec.json().get("userId").asString()).isEqualTo("eli");
        assertThat(rsa.header("Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void everyBadTokenIsA401WithABearerChallengeAndWritesNothing() throws Exception {
        UUID deal = api.createDeal("Bad tokens", 12.97, 77.59, 50);
        Instant now = Instant.now();
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put(
                "expired",
                issuer.rs256(
                        "m",
                        c -> c.issueTime(Date.from(now.minus(Duration.ofHours(2))))
                                .expirationTime(Date.from(now.minus(Duration.ofHours(1))))));
        bad.put("not yet valid", issuer.rs256("m", c -> c.notBeforeTime(Date.from(now.plus(Duration.ofHours(1))))));
        bad.put("other issuer", issuer.rs256("m", c -> c.issuer("https://evil.example")));
        bad.put("other audience", issuer.rs256("m", c -> c.audience("someone-else")));
        bad.put("no audience", issuer.rs256("m", c -> c.audience((String) null)));
        bad.put("unknown key", issuer.signedByStranger("m"));
        bad.put("tampered payload", tamper(issuer.token("m")));
        bad.put("alg none", algNone());
        bad.put(
                "HMAC with the public key",
                issuer.sign(
                        JWSAlgorithm.HS256,
                        issuer.rsaKey().getKeyID(),
                        new MACSigner(issuer.rsaKey().toPublicKey().getEncoded()),
                        "m",
                        c -> {}));
        bad.put("malformed", "not.a.jwt");
        bad.put("garbage", "xyz");
        bad.put("sub too long", issuer.token("u".repeat(65)));
        bad.put("sub with a space", issuer.token("two words"));
        for (Map.Entry<String, String> token : bad.entrySet()) {
            TestApi.Answer answer = api.claimWith(token.getValue(), deal);
            assertThat(answer.status())
                    .as(token.getKey() + ": " + answer.raw().body())
                    .isEqualTo(401);
            assertThat(answer.contentType()).as(token.getKey()).startsWith("application/problem+json");
            assertThat(answer.json().get("type").asString()).isEqualTo("urn:flashsale:problem:unauthorized");
            assertThat(answer.header("WWW-Authenticate"))
                    .as(token.getKey())
                    .startsWith("Bearer error=\"invalid_token\"");
        }
        TestApi.Answer missing = api.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + port + "/api/v1/deals/" + deal + "/claims"))
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()));
        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(missing.json().get("type").asString()).isEqualTo("urn:flashsale:problem:unauthorized");
        assertThat(jdbc.sql("SELECT count(*) FROM claims WHERE deal_id = :d")
                        .param("d", deal)
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("SELECT remaining_inventory FROM deals WHERE id = :d")
                        .param("d", deal)
                        .query(Integer.class)
                        .single())
                .isEqualTo(50);
    }

    @Test
    void aMerchantKeyOrTheAdminTokenIsNoShopperToken() {
        UUID deal = api.createDeal("Wrong kind", 12.97, 77.59, 5);
        assertThat(api.claimWith(api.merchant().apiKey(), deal).status()).isEqualTo(401);
        assertThat(api.claimWith(TestApi.ADMIN_TOKEN, deal).status()).isEqualTo(401);
        // ...and a shopper token opens no merchant or admin endpoint.
        String shopper = issuer.token("mallory");
        assertThat(api.getAs(shopper, "/api/v1/merchant/me").status()).isEqualTo(401);
        assertThat(api.postAs(shopper, "/api/v1/redemptions", "{\"deviceId\":\"x\",\"items\":[]}")
                        .status())
                .isEqualTo(401);
        assertThat(api.getAs(shopper, "/api/v1/admin/merchants").status()).isEqualTo(401);
    }

    @Test
    void keysRotatedAtTheProviderAreFetchedWithoutARestart() {
        TestIssuer provider = TestIssuer.shared();
        UUID deal = api.createDeal("Rotation", 12.97, 77.59, 5);
        String beforeRotation = provider.token("old-key-user");
        assertThat(api.claimWith(provider.token("before-rotation"), deal).status())
                .isEqualTo(201);
        int fetches = provider.jwksFetches();

        provider.rotate();

        TestApi.Answer after = api.claimWith(provider.token("after-rotation"), deal);
        assertThat(after.status()).as(after.raw().body()).isEqualTo(201);
        assertThat(provider.jwksFetches()).isGreaterThan(fetches);
        // The old key left the provider's JWKS, so a token signed with it (never seen before) is refused.
        assertThat(api.claimWith(beforeRotation, deal).status()).isEqualTo(401);
    }

    private static String tamper(String token) {
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1])).replace("\"sub\":\"m\"", "\"sub\":\"x\"");
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes()) + "."
                + parts[2];
    }

    private String algNone() {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        long exp = Instant.now().plusSeconds(3600).getEpochSecond();
        return b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes()) + "."
                + b64.encodeToString(("{\"iss\":\"" + issuer.issuer() + "\",\"sub\":\"m\",\"aud\":\""
                                + TestIssuer.AUDIENCE + "\",\"exp\":" + exp + "}")
                        .getBytes())
                + ".";
    }
}
