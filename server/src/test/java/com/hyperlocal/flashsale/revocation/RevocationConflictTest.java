package com.hyperlocal.flashsale.revocation;

import static org.assertj.core.api.Assertions.assertThat;

import com.hyperlocal.flashsale.IntegrationTest;
import com.hyperlocal.flashsale.TestApi;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** A revoked voucher that a till honoured anyway is never silently accepted: it is a listed conflict. */
@IntegrationTest
class RevocationConflictTest {

    @LocalServerPort
    int port;

    TestApi api;
    String key;

    @BeforeEach
    void setUp() {
        api = new TestApi(port);
        key = api.merchant().apiKey();
    }

    private JsonNode upload(String token, UUID clientId) {
        TestApi.Answer answer = api.postAs(
                key,
                "/api/v1/redemptions",
                TestApi.JSON.writeValueAsString(Map.of(
                        "deviceId",
                        "till-7",
                        "items",
                        List.of(Map.of(
                                "clientId",
                                clientId.toString(),
                                "token",
                                token,
                                "scannedAt",
                                "2026-11-24T10:00:00Z",
                                "outcome",
                                "REDEEMED")))));
        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(200);
        return answer.json().get("results").get(0);
    }

    private JsonNode conflictFor(UUID clientId) {
        JsonNode list = api.getAs(key, "/api/v1/merchant/redemptions?conflicts=true")
                .json()
                .get("redemptions");
        for (JsonNode r : list) {
            if (r.get("clientId").asString().equals(clientId.toString())) {
                return r;
            }
        }
        throw new AssertionError("no conflict listed for " + clientId + " in " + list);
    }

    @Test
    void aRevokedVoucherUploadedLaterAsRedeemedIsAConflictWithTheRevocation() {
        JsonNode claim =
                api.claim(api.createDeal("Refunded", 19.07, 72.87, 5), "esha").json();
        String claimId = claim.get("id").asString();
        api.postAs(key, "/api/v1/merchant/claims/" + claimId + "/revoke", "{\"reason\":\"refund at the counter\"}");
        UUID clientId = UUID.randomUUID();

        JsonNode result = upload(claim.get("voucher").asString(), clientId);
        JsonNode again = upload(claim.get("voucher").asString(), clientId);

        assertThat(result.get("status").asString()).isEqualTo("CONFLICT");
        assertThat(result.get("reason").asString()).isEqualTo("voucher revoked (refund at the counter)");
        assertThat(result.get("revocation").get("claimId").asString()).isEqualTo(claimId);
        assertThat(again.get("status").asString()).isEqualTo("DUPLICATE");
        JsonNode listed = conflictFor(clientId);
        assertThat(listed.get("status").asString()).isEqualTo("CONFLICT");
        assertThat(listed.get("conflictReason").asString()).isEqualTo("voucher revoked (refund at the counter)");
        assertThat(listed.get("revocation").get("reason").asString()).isEqualTo("refund at the counter");
        assertThat(listed.has("conflictsWith")).isFalse();
    }

    @Test
    void aRevocationAfterAnAcceptedOfflineRedemptionShowsAsAConflict() {
        JsonNode claim =
                api.claim(api.createDeal("Too late", 19.07, 72.87, 5), "farid").json();
        UUID clientId = UUID.randomUUID();
        assertThat(upload(claim.get("voucher").asString(), clientId)
                        .get("status")
                        .asString())
                .isEqualTo("ACCEPTED");

        api.postAs(key, "/api/v1/merchant/claims/" + claim.get("id").asString() + "/revoke", "{\"reason\":\"fraud\"}");

        JsonNode listed = conflictFor(clientId);
        assertThat(listed.get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(listed.get("conflictReason").asString()).isEqualTo("voucher revoked (fraud) after it was redeemed");
        assertThat(listed.get("revocation").get("claimId").asString())
                .isEqualTo(claim.get("id").asString());
    }

    @Test
    void aSecondTillRedeemingARevokedAndRedeemedVoucherNamesBothCauses() {
        JsonNode claim =
                api.claim(api.createDeal("Both", 19.07, 72.87, 5), "gita").json();
        String token = claim.get("voucher").asString();
        JsonNode first = upload(token, UUID.randomUUID());
        api.postAs(key, "/api/v1/merchant/claims/" + claim.get("id").asString() + "/revoke", "{}");
        UUID clientId = UUID.randomUUID();

        JsonNode second = upload(token, clientId);

        assertThat(second.get("status").asString()).isEqualTo("CONFLICT");
        assertThat(second.get("conflict").get("redemptionId").asString())
                .isEqualTo(first.get("redemptionId").asString());
        assertThat(conflictFor(clientId).get("conflictReason").asString())
                .isEqualTo("voucher revoked; already redeemed");
    }

    @Test
    void refusedScansAreListedWithTheirTokenSoTheDealAndShopperCanBeShown() {
        UUID clientId = UUID.randomUUID();
        api.postAs(
                key,
                "/api/v1/redemptions",
                TestApi.JSON.writeValueAsString(Map.of(
                        "deviceId",
                        "till-7",
                        "items",
                        List.of(Map.of(
                                "clientId",
                                clientId.toString(),
                                "token",
                                "a.b.c",
                                "scannedAt",
                                "2026-11-24T10:00:00Z",
                                "outcome",
                                "REFUSED",
                                "refusalReason",
                                "EXPIRED")))));

        JsonNode all = api.getAs(key, "/api/v1/merchant/redemptions").json().get("redemptions");

        assertThat(all).anySatisfy(r -> {
            assertThat(r.get("clientId").asString()).isEqualTo(clientId.toString());
            assertThat(r.get("token").asString()).isEqualTo("a.b.c");
        });
        assertThat(all)
                .filteredOn(r -> !"LOGGED".equals(r.get("status").asString()))
                .allSatisfy(r -> assertThat(r.has("token")).isFalse());
    }
}
