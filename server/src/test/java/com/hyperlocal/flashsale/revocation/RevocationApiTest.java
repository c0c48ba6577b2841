package com.hyperlocal.flashsale.revocation;

import static org.assertj.core.api.Assertions.assertThat;

import com.hyperlocal.flashsale.IntegrationTest;
import com.hyperlocal.flashsale.TestApi;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** A merchant revokes vouchers once each; tills fetch the revocations in order, page by page. */
@IntegrationTest
class RevocationApiTest {

    @LocalServerPort
    int port;

    TestApi api;
    String key;

    @BeforeEach
    void setUp() {
        api = new TestApi(port);
        key = api.merchant().apiKey();
    }

    private UUID claim(UUID deal, String user) {
        return UUID.fromString(api.claim(deal, user).json().get("id").asString());
    }

    private TestApi.Answer revoke(String apiKey, UUID claim, String body) {
        return api.postAs(apiKey, "/api/v1/merchant/claims/" + claim + "/revoke", body);
    }

    private JsonNode page(String since, int limit) {
        TestApi.Answer answer = api.getAs(
                key,
                "/api/v1/merchant/revocations?limit=" + limit
                        + (since == null ? "" : "&since=" + URLEncoder.encode(since, StandardCharsets.UTF_8)));
        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(200);
        return answer.json();
    }

    @Test
    void revokingTwiceAnswersTheFirstRevocation() {
        UUID deal = api.createDeal("Refunds", 19.07, 72.87, 5);
        UUID claim = claim(deal, "asha");

        TestApi.Answer first = revoke(key, claim, "{\"reason\":\"refund\"}");
        TestApi.Answer again = revoke(key, claim, "{\"reason\":\"fraud\"}");

        assertThat(first.status()).as(first.raw().body()).isEqualTo(200);
        assertThat(first.json().get("claimId").asString()).isEqualTo(claim.toString());
        assertThat(first.json().get("dealId").asString()).isEqualTo(deal.toString());
        assertThat(first.json().get("reason").asString()).isEqualTo("refund");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json()).isEqualTo(first.json());
    }

    @Test
    void aBodylessRevokeHasNoReason() {
        UUID claim = claim(api.createDeal("No reason", 19.07, 72.87, 5), "bina");

        TestApi.Answer answer = api.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                        "http://127.0.0.1:" + port + "/api/v1/merchant/claims/" + claim + "/revoke"))
                .header("Authorization", "Bearer " + key)
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()));

        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(200);
        assertThat(answer.json().get("reason").isNull()).isTrue();
    }

    @Test
    void anotherMerchantsClaimAndAnUnknownClaimAreNotFound() {
        UUID mine = claim(api.createDeal("Mine", 19.07, 72.87, 5), "chetan");
        String otherKey = api.newMerchant("Other shop").apiKey();

        for (TestApi.Answer answer : List.of(
                revoke(otherKey, mine, "{}"),
                revoke(key, UUID.randomUUID(), "{}"),
                api.postAs(key, "/api/v1/merchant/claims/not-a-uuid/revoke", "{}"))) {
            assertThat(answer.status()).isEqualTo(404);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.json().get("type").asString()).isEqualTo("urn:flashsale:problem:not-found");
        }
        assertThat(api.getAs(otherKey, "/api/v1/merchant/revocations").json().get("revocations"))
                .isEmpty();
        assertThat(api.post("/api/v1/merchant/claims/" + mine + "/revoke", "{}").status())
                .isEqualTo(401);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/revocations?limit=0",
                "/revocations?limit=1001",
                "/revocations?limit=x",
                "/revocations?since=bm90LWEtY3Vyc29y",
                "/revocations?since=%25%25"
            })
    void badPagingIsAValidationProblem(String path) {
        TestApi.Answer answer = api.getAs(key, "/api/v1/merchant" + path);

        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(400);
        assertThat(answer.json().get("type").asString()).isEqualTo("urn:flashsale:problem:validation");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"{\"reason\":\"%s\"}", "{\"reason\":\"nul \\u0000 inside\"}", "{\"reason\":{\"a\":1}}", "[1]"})
    void aBadReasonIsAValidationProblem(String template) {
        UUID claim = claim(api.createDeal("Bad reasons", 19.07, 72.87, 5), "dev");

        TestApi.Answer answer = revoke(key, claim, template.formatted("x".repeat(201)));

        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(400);
        assertThat(answer.json().get("type").asString()).isEqualTo("urn:flashsale:problem:validation");
        assertThat(page(null, 1000).get("revocations").findValuesAsString("claimId"))
                .doesNotContain(claim.toString());
    }

    @Test
    void revocationsComeInOrderAfterTheCursorPageByPage() {
        TestApi fresh = new TestApi(port);
        key = fresh.merchant().apiKey();
        UUID deal = fresh.createDeal("Paged", 19.07, 72.87, 10);
        List<String> revoked = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            UUID claim =
                    UUID.fromString(fresh.claim(deal, "u" + i).json().get("id").asString());
            assertThat(revoke(key, claim, "{\"reason\":\"r" + i + "\"}").status())
                    .isEqualTo(200);
            revoked.add(claim.toString());
        }

        JsonNode all = page(null, 1000);
        JsonNode first = page(null, 2);
        JsonNode second = page(first.get("cursor").asString(), 2);
        JsonNode third = page(second.get("cursor").asString(), 2);
        JsonNode caughtUp = page(third.get("cursor").asString(), 2);

        assertThat(all.get("revocations").findValuesAsString("claimId")).isEqualTo(revoked);
        assertThat(all.get("hasMore").asBoolean()).isFalse();
        assertThat(first.get("hasMore").asBoolean()).isTrue();
        List<String> paged = new ArrayList<>();
        for (JsonNode p : List.of(first, second, third)) {
            paged.addAll(p.get("revocations").findValuesAsString("claimId"));
        }
        assertThat(paged).isEqualTo(revoked);
        assertThat(third.get("hasMore").asBoolean()).isFalse();
        assertThat(caughtUp.get("revocations")).isEmpty();
        assertThat(caughtUp.get("cursor").asString())
                .isEqualTo(third.get("cursor").asString());
        assertThat(all.get("revocations").get(4).get("reason").asString()).isEqualTo("r4");
    }

    @Test
    void closingWithVoidVouchersRevokesEveryUnredeemedVoucherAndClosingWithoutRevokesNone() {
        TestApi fresh = new TestApi(port);
        key = fresh.merchant().apiKey();
        UUID voided = fresh.createDeal("Voided", 19.07, 72.87, 5);
        UUID kept = fresh.createDeal("Kept", 19.07, 72.87, 5);
        String redeemedToken = fresh.claim(voided, "r").json().get("voucher").asString();
        UUID open1 = UUID.fromString(fresh.claim(voided, "o1").json().get("id").asString());
        UUID open2 = UUID.fromString(fresh.claim(voided, "o2").json().get("id").asString());
        fresh.claim(kept, "k1");
        TestApi.Answer upload = fresh.postAs(
                key,
                "/api/v1/redemptions",
                TestApi.JSON.writeValueAsString(Map.of(
                        "deviceId",
                        "till-1",
                        "items",
                        List.of(Map.of(
                                "clientId",
                                UUID.randomUUID().toString(),
                                "token",
                                redeemedToken,
                                "scannedAt",
                                "2026-11-24T10:00:00Z",
                                "outcome",
                                "REDEEMED")))));
        assertThat(upload.json().get("results").get(0).get("status").asString()).isEqualTo("ACCEPTED");

        TestApi.Answer closeKept = fresh.postAs(key, "/api/v1/merchant/deals/" + kept + "/close", "");
        TestApi.Answer closeVoided =
                fresh.postAs(key, "/api/v1/merchant/deals/" + voided + "/close?voidVouchers=true", "");

        assertThat(closeKept.status()).isEqualTo(200);
        assertThat(closeKept.json().has("voidedVouchers")).isFalse();
        assertThat(closeVoided.status()).as(closeVoided.raw().body()).isEqualTo(200);
        assertThat(closeVoided.json().get("status").asString()).isEqualTo("ENDED");
        assertThat(closeVoided.json().get("voidedVouchers").asInt()).isEqualTo(2);
        JsonNode revocations = page(null, 1000).get("revocations");
        assertThat(revocations.findValuesAsString("claimId")).containsExactly(open1.toString(), open2.toString());
        assertThat(revocations.findValuesAsString("dealId")).containsOnly(voided.toString());
        assertThat(revocations.findValuesAsString("reason")).containsOnly("deal closed");
    }
}
