package com.hyperlocal.flashsale.redemption;

import static org.assertj.core.api.Assertions.assertThat;

import com.hyperlocal.flashsale.IntegrationTest;
import com.hyperlocal.flashsale.TestApi;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Offline devices upload what they scanned: idempotently, conflicts kept, only the caller's vouchers. */
@IntegrationTest
class RedemptionSyncTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.springframework.core.env.Environment environment;

    TestApi api;

    @BeforeEach
    void setUp() {
        api = new TestApi(port);
    }

    @Test
    void twoDevicesRedeemingOneVoucherOfflineGiveOneAcceptedAndOneConflictBothKept() {
        UUID deal = api.createDeal("Two tills", 19.07, 72.87, 5);
        String token = api.claim(deal, "ravi").json().get("voucher").asString();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();

        JsonNode a = upload("till-1", item(first, token, "2026-11-24T10:00:00Z", "REDEEMED"))
                .get(0);
        JsonNode b = upload("till-2", item(second, token, "2026-11-24T10:00:05Z", "REDEEMED"))
                .get(0);

        assertThat(a.get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(b.get("status").asString()).isEqualTo("CONFLICT");
        assertThat(b.get("conflict").get("deviceId").asString()).isEqualTo("till-1");
        assertThat(b.get("conflict").get("redemptionId").asString())
                .isEqualTo(a.get("redemptionId").asString());
        JsonNode conflicts = api.getAs(api.merchant().apiKey(), "/api/v1/merchant/redemptions?conflicts=true")
                .json()
                .get("redemptions");
        assertThat(conflicts).anySatisfy(r -> {
            assertThat(r.get("clientId").asString()).isEqualTo(second.toString());
            assertThat(r.get("deviceId").asString()).isEqualTo("till-2");
            assertThat(r.get("scannedAt").asString()).isEqualTo("2026-11-24T10:00:05Z");
            assertThat(r.get("conflictsWith").get("deviceId").asString()).isEqualTo("till-1");
        });
        assertThat(jdbc.sql(
                                "SELECT count(*) FROM redemptions WHERE claim_id = (SELECT id FROM claims WHERE voucher_token = :t)")
                        .param("t", token)
                        .query(Integer.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void resendingTheSameItemsNeverCreatesASecondRecord() {
        UUID deal = api.createDeal("Flaky wifi", 19.07, 72.87, 5);
        String token = api.claim(deal, "meera").json().get("voucher").asString();
        UUID clientId = UUID.randomUUID();
        Map<String, Object> item = item(clientId, token, "2026-11-24T11:00:00Z", "REDEEMED");

        assertThat(upload("till-1", item).get(0).get("status").asString()).isEqualTo("ACCEPTED");
        JsonNode again = upload("till-1", item).get(0);

        assertThat(again.get("status").asString()).isEqualTo("DUPLICATE");
        assertThat(jdbc.sql("SELECT count(*) FROM redemptions WHERE client_id = :c")
                        .param("c", clientId)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void foreignForgedAndRefusedScansAreAnsweredPerItem() {
        UUID deal = api.createDeal("Mine", 19.07, 72.87, 5);
        String mine = api.claim(deal, "kiran").json().get("voucher").asString();
        TestApi other = new TestApi(port);
        String theirs = other.claim(other.createDeal("Theirs", 19.07, 72.87, 5), "kiran")
                .json()
                .get("voucher")
                .asString();
        String forged =
                mine.substring(0, mine.lastIndexOf('.') + 1) + "AAAA" + mine.substring(mine.lastIndexOf('.') + 5);

        JsonNode results = upload(
                "till-9",
                item(UUID.randomUUID(), theirs, "2026-11-24T12:00:00Z", "REDEEMED"),
                item(UUID.randomUUID(), forged, "2026-11-24T12:00:01Z", "REDEEMED"),
                Map.of(
                        "clientId",
                        UUID.randomUUID().toString(),
                        "token",
                        "not-a-token",
                        "scannedAt",
                        "2026-11-24T12:00:02Z",
                        "outcome",
                        "REFUSED",
                        "refusalReason",
                        "MALFORMED"),
                item(UUID.randomUUID(), mine, "2026-11-24T12:00:03Z", "REDEEMED"));

        assertThat(results.get(0).get("status").asString()).isEqualTo("REJECTED");
        assertThat(results.get(1).get("status").asString()).isEqualTo("REJECTED");
        assertThat(results.get(2).get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(results.get(3).get("status").asString()).isEqualTo("ACCEPTED");
    }

    @Test
    void uploadsNeedTheMerchantKeyAndValidItems() {
        assertThat(api.post("/api/v1/redemptions", "{\"deviceId\":\"x\",\"items\":[]}")
                        .status())
                .isEqualTo(401);
        TestApi.Answer empty =
                api.postAs(api.merchant().apiKey(), "/api/v1/redemptions", "{\"deviceId\":\"x\",\"items\":[]}");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().get("type").asString()).isEqualTo("urn:flashsale:problem:validation");
    }

    @Test
    void theVoucherConfigurationNamesTheIssuerAndTheKeys() {
        JsonNode config = api.get("/.well-known/voucher-configuration").json();
        assertThat(config.get("issuer").asString()).isEqualTo("https://flashsale.example");
        // From configuration (flashsale.vouchers.public-base-url), not from the Host this request used.
        assertThat(config.get("jwks_uri").asString())
                .isEqualTo(environment.getProperty("flashsale.vouchers.public-base-url") + "/.well-known/jwks.json");
    }

    @Test
    void aVoucherRedeemedAfterItExpiredIsRecordedAndFlaggedExpired() {
        UUID deal = api.createDeal("Stale voucher", 19.07, 72.87, 5);
        TestApi.Answer claim = api.claim(deal, "late-lalita");
        String token = claim.json().get("voucher").asString();
        Instant expiry = Instant.parse(claim.json().get("voucherExpiresAt").asString());
        UUID late = UUID.randomUUID();
        UUID inTime = UUID.randomUUID();
        String tokenInTime =
                api.claim(deal, "on-time-omar").json().get("voucher").asString();

        JsonNode results = upload(
                "till-9",
                item(late, token, expiry.plusSeconds(120).toString(), "REDEEMED"),
                item(inTime, tokenInTime, expiry.minusSeconds(3600).toString(), "REDEEMED"));

        assertThat(results.get(0).get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(results.get(0).get("expired").asBoolean()).isTrue();
        assertThat(results.get(0).get("reason").asString()).contains("expired");
        assertThat(results.get(1).has("expired"))
                .as("a voucher redeemed in time is not flagged")
                .isFalse();
        JsonNode listed = api.getAs(api.merchant().apiKey(), "/api/v1/merchant/redemptions")
                .json()
                .get("redemptions");
        assertThat(listed).anySatisfy(r -> {
            assertThat(r.get("clientId").asString()).isEqualTo(late.toString());
            assertThat(r.get("expired").asBoolean()).isTrue();
        });
        assertThat(listed).anySatisfy(r -> {
            assertThat(r.get("clientId").asString()).isEqualTo(inTime.toString());
            assertThat(r.get("expired").asBoolean()).isFalse();
        });
    }

    @SafeVarargs
    private JsonNode upload(String device, Map<String, Object>... items) {
        TestApi.Answer answer = api.postAs(
                api.merchant().apiKey(),
                "/api/v1/redemptions",
                TestApi.JSON.writeValueAsString(Map.of("deviceId", device, "items", List.of(items))));
        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(200);
        return answer.json().get("results");
    }

    private static Map<String, Object> item(UUID clientId, String token, String scannedAt, String outcome) {
        return Map.of(
                "clientId",
                clientId.toString(),
                "token",
                token,
                "scannedAt",
                Instant.parse(scannedAt).toString(),
                "outcome",
                outcome);
    }
}
