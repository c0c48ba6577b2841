package com.hyperlocal.flashsale.merchant;

import static org.assertj.core.api.Assertions.assertThat;

import com.hyperlocal.flashsale.IntegrationTest;
import com.hyperlocal.flashsale.TestApi;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Deals belong to the merchant who proved who they are; nobody else sees or changes them. */
@IntegrationTest
class MerchantAccessTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    TestApi api;

    @BeforeEach
    void setUp() {
        api = new TestApi(port);
    }

    @Test
    void creatingADealNeedsAValidKeyAndAnswers401ProblemOtherwise() {
        String body = dealJson("No key");
        for (TestApi.Answer answer : new TestApi.Answer[] {
            api.post("/api/v1/deals", body),
            api.postAs("not-a-key", "/api/v1/deals", body),
            api.postAs("fsk_AAAAAAAA_" + "A".repeat(43), "/api/v1/deals", body)
        }) {
            assertThat(answer.status()).isEqualTo(401);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.header("WWW-Authenticate")).startsWith("Bearer");
            assertThat(answer.json().get("type").asString()).isEqualTo("urn:flashsale:problem:unauthorized");
        }
    }

    @Test
    void aDealBelongsToItsCreatorAndIsInvisibleToOtherMerchants() {
        TestApi.Merchant ana = api.newMerchant("Ana's bakery");
        TestApi.Merchant bo = api.newMerchant("Bo's books");
        TestApi.Answer created = api.postAs(ana.apiKey(), "/api/v1/deals", dealJson("Croissants"));
        assertThat(created.status()).isEqualTo(201);
        String deal = created.json().get("id").asString();
        assertThat(created.json().get("merchantId").asString())
                .isEqualTo(ana.id().toString());

        assertThat(api.getAs(ana.apiKey(), "/api/v1/merchant/deals").json().get("deals"))
                .anySatisfy(d -> assertThat(d.get("id").asString()).isEqualTo(deal));
        assertThat(api.getAs(bo.apiKey(), "/api/v1/merchant/deals").json().get("deals"))
                .isEmpty();
        assertThat(api.getAs(bo.apiKey(), "/api/v1/merchant/deals/" + deal).status())
                .isEqualTo(404);
        assertThat(api.postAs(bo.apiKey(), "/api/v1/merchant/deals/" + deal + "/close", "")
                        .status())
                .isEqualTo(404);
        assertThat(api.getAs(ana.apiKey(), "/api/v1/merchant/deals/" + deal)
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("ACTIVE");
        assertThat(api.getAs(bo.apiKey(), "/api/v1/merchant/me")
                        .json()
                        .get("name")
                        .asString())
                .isEqualTo("Bo's books");
    }

    @Test
    void closingADealEndsClaimsAtOnceAndCountsWhatWasClaimed() {
        TestApi.Merchant ana = api.newMerchant("Closer");
        String deal = api.postAs(ana.apiKey(), "/api/v1/deals", dealJson("Last call"))
                .json()
                .get("id")
                .asString();
        assertThat(api.claim(UUID.fromString(deal), "early-bird").status()).isEqualTo(201);

        TestApi.Answer closed = api.postAs(ana.apiKey(), "/api/v1/merchant/deals/" + deal + "/close", "");

        assertThat(closed.status()).isEqualTo(200);
        assertThat(closed.json().get("status").asString()).isEqualTo("ENDED");
        assertThat(closed.json().get("claimCount").asInt()).isEqualTo(1);
        TestApi.Answer late = api.claim(UUID.fromString(deal), "latecomer");
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.json().get("type").asString()).isEqualTo("urn:flashsale:problem:deal-not-active");
        assertThat(api.postAs(ana.apiKey(), "/api/v1/merchant/deals/" + deal + "/close", "")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void repeatingAnIdempotencyKeyReturnsTheFirstDealInsteadOfASecond() {
        TestApi.Merchant ana = api.newMerchant("Importer");
        String body = dealJson("Row 7"); // the same request twice: another body would be a 422
        var first = api.send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/api/v1/deals"))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + ana.apiKey())
                        .header("Idempotency-Key", "row-7-abc")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)));
        var again = api.send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/api/v1/deals"))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + ana.apiKey())
                        .header("Idempotency-Key", "row-7-abc")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)));

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.json().get("id").asString())
                .isEqualTo(first.json().get("id").asString());
        assertThat(jdbc.sql("SELECT count(*) FROM deals WHERE merchant_id = :m")
                        .param("m", ana.id())
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void aRevokedKeyStopsWorkingAndTheAdminApiNeedsTheAdminToken() {
        TestApi.Merchant ana = api.newMerchant("Revoker");
        UUID keyId = jdbc.sql("SELECT id FROM merchant_api_keys WHERE merchant_id = :m")
                .param("m", ana.id())
                .query(UUID.class)
                .single();
        assertThat(api.getAs(ana.apiKey(), "/api/v1/merchant/me").status()).isEqualTo(200);

        var revoke = api.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                        "http://127.0.0.1:" + port + "/api/v1/admin/merchants/" + ana.id() + "/keys/" + keyId))
                .header("Authorization", "Bearer " + TestApi.ADMIN_TOKEN)
                .DELETE());

        assertThat(revoke.status()).isEqualTo(204);
        assertThat(api.getAs(ana.apiKey(), "/api/v1/merchant/me").status()).isEqualTo(401);
        assertThat(api.postAs("wrong-admin-token", "/api/v1/admin/merchants", "{\"name\":\"x\"}")
                        .status())
                .isEqualTo(401);
        assertThat(api.postAs(ana.apiKey(), "/api/v1/admin/merchants", "{\"name\":\"x\"}")
                        .status())
                .isEqualTo(401);
    }

    @Test
    void onlyAHashOfEachKeyIsStored() {
        TestApi.Merchant ana = api.newMerchant("Hash check");
        String stored = jdbc.sql("SELECT key_hash FROM merchant_api_keys WHERE merchant_id = :m")
                .param("m", ana.id())
                .query(String.class)
                .single();
        assertThat(stored)
                .isEqualTo(ApiKeys.hash(ana.apiKey()))
                .doesNotContain(ana.apiKey().substring(13));
    }

    private static String dealJson(String title) {
        return TestApi.JSON.writeValueAsString(Map.of(
                "title",
                title,
                "latitude",
                48.85,
                "longitude",
                2.35,
                "totalInventory",
                5,
                "validUntil",
                Instant.now().plus(Duration.ofHours(3)).toString()));
    }
}
