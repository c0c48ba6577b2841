package com.hyperlocal.flashsale.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hyperlocal.flashsale.MutableClock;
import com.hyperlocal.flashsale.OwnBrokerTest;
import com.hyperlocal.flashsale.TestApi;
import com.hyperlocal.flashsale.WebhookReceiver;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Merchant webhooks end to end: real broker, real HTTP endpoint on loopback, signatures checked by Python. */
@OwnBrokerTest
class WebhookDeliveryTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @Test
    void deliveryCarriesASignatureThatPythonsHmacVerifies() throws Exception {
        TestApi api = new TestApi(port);
        TestApi.Merchant merchant = api.newMerchant("Signed");
        try (WebhookReceiver endpoint = new WebhookReceiver()) {
            String secret = register(api, merchant, endpoint).get("secret").asString();
            UUID deal = api.createDeal(merchant.apiKey(), "Signed deal", 7.0, 7.0, 5);

            await().atMost(Duration.ofSeconds(30))
                    .until(() -> !endpoint.received().isEmpty());
            WebhookReceiver.Received delivery = endpoint.received().get(0);
            JsonNode event = TestApi.JSON.readTree(delivery.body());
            assertThat(event.get("type").asString()).isEqualTo("deal.created");
            assertThat(event.get("dealId").asString()).isEqualTo(deal.toString());
            assertThat(delivery.header("Flashsale-Event-Id"))
                    .isEqualTo(event.get("id").asString());
            assertThat(delivery.header("Flashsale-Signature"))
                    .isEqualTo(pythonHmac(secret, delivery.header("Flashsale-Timestamp"), delivery.body()))
                    .isNotEqualTo(pythonHmac(secret + "x", delivery.header("Flashsale-Timestamp"), delivery.body()));

            String listed = api.getAs(merchant.apiKey(), "/api/v1/merchant/webhooks")
                    .raw()
                    .body();
            assertThat(listed).contains(endpoint.url()).doesNotContain(secret);
            assertThat(jdbc.sql("SELECT secret_encrypted FROM webhooks w WHERE merchant_id = :m")
                            .param("m", merchant.id())
                            .query(String.class)
                            .single())
                    .doesNotContain(secret);
        }
    }

    @Test
    void failingEndpointIsRetriedWithGrowingPausesUntilItRecovers() throws Exception {
        TestApi api = new TestApi(port);
        TestApi.Merchant merchant = api.newMerchant("Flaky");
        try (WebhookReceiver endpoint = new WebhookReceiver().answering(n -> n <= 2 ? 500 : 200)) {
            register(api, merchant, endpoint);
            api.createDeal(merchant.apiKey(), "Flaky deal", 7.1, 7.1, 5);

            await().atMost(Duration.ofSeconds(30))
                    .until(() -> endpoint.received().size() >= 3);
            List<WebhookReceiver.Received> tries = endpoint.received();
            assertThat(tries)
                    .extracting(r -> r.header("Flashsale-Event-Id"))
                    .containsOnly(tries.get(0).header("Flashsale-Event-Id"));
            long firstPause = TimeUnit.NANOSECONDS.toMillis(
                    tries.get(1).atNanos() - tries.get(0).atNanos());
            long secondPause = TimeUnit.NANOSECONDS.toMillis(
                    tries.get(2).atNanos() - tries.get(1).atNanos());
            assertThat(firstPause).isGreaterThanOrEqualTo(280); // first-retry 300 ms
            assertThat(secondPause).isGreaterThanOrEqualTo(580); // doubled
            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(deliveries(api, merchant, "DELIVERED"))
                            .singleElement()
                            .satisfies(
                                    d -> assertThat(d.get("attempts").asInt()).isEqualTo(3)));
            Thread.sleep(1000);
            assertThat(endpoint.received()).hasSize(3);
        }
    }

    @Test
    void deliveryIsParkedOnceTheRetryWindowHasPassedAndListedAsParked() throws Exception {
        TestApi api = new TestApi(port);
        TestApi.Merchant merchant = api.newMerchant("Dead endpoint");
        try (WebhookReceiver endpoint = new WebhookReceiver().answering(n -> 503)) {
            register(api, merchant, endpoint);
            api.createDeal(merchant.apiKey(), "Dead deal", 7.2, 7.2, 5);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> !endpoint.received().isEmpty());
            assertThat(deliveries(api, merchant, "PARKED")).isEmpty();

            clock.advance(Duration.ofHours(25));
            try {
                await().atMost(Duration.ofSeconds(30))
                        .untilAsserted(() -> assertThat(deliveries(api, merchant, "PARKED"))
                                .singleElement()
                                .satisfies(d -> {
                                    assertThat(d.get("eventType").asString()).isEqualTo("deal.created");
                                    assertThat(d.get("attempts").asInt()).isGreaterThanOrEqualTo(2);
                                    assertThat(d.get("lastHttpStatus").asInt()).isEqualTo(503);
                                }));
            } finally {
                clock.reset();
            }
            int attempts = endpoint.received().size();
            Thread.sleep(1000);
            assertThat(endpoint.received()).hasSize(attempts); // parked: no more tries
        }
    }

    @Test
    void slowEndpointDoesNotSlowClaims() throws Exception {
        TestApi api = new TestApi(port);
        UUID quietDeal = api.createDeal(api.newMerchant("No webhooks").apiKey(), "Quiet", 7.3, 7.3, 200);
        List<Long> baseline = claimTimes(api, quietDeal, "base-", 15);

        TestApi.Merchant merchant = api.newMerchant("Slow endpoint");
        try (WebhookReceiver endpoint = new WebhookReceiver().delaying(1800)) {
            register(api, merchant, endpoint);
            UUID deal = api.createDeal(merchant.apiKey(), "Slow", 7.4, 7.4, 200);
            claimTimes(api, deal, "warm-", 5); // each claim batch is an event: deliveries pile up
            await().atMost(Duration.ofSeconds(30)).until(() -> endpoint.maxInFlight() == 2);

            List<Long> whileStalled = claimTimes(api, deal, "slow-", 15);

            assertThat(median(whileStalled)).isLessThan(median(baseline) * 3 + 100);
            assertThat(endpoint.maxInFlight()).isEqualTo(2); // bounded by flashsale.webhooks.concurrency
        }
    }

    private static JsonNode register(TestApi api, TestApi.Merchant merchant, WebhookReceiver endpoint) {
        TestApi.Answer answer = api.postAs(
                merchant.apiKey(),
                "/api/v1/merchant/webhooks",
                TestApi.JSON.writeValueAsString(Map.of("url", endpoint.url())));
        assertThat(answer.status()).isEqualTo(201);
        return answer.json();
    }

    private static List<JsonNode> deliveries(TestApi api, TestApi.Merchant merchant, String status) {
        List<JsonNode> list = new ArrayList<>();
        api.getAs(merchant.apiKey(), "/api/v1/merchant/webhooks/deliveries?status=" + status)
                .json()
                .get("deliveries")
                .forEach(list::add);
        return list;
    }

    private static List<Long> claimTimes(TestApi api, UUID deal, String prefix, int n) {
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long start = System.nanoTime();
            assertThat(api.claim(deal, prefix + i).status()).isEqualTo(201);
            millis.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        }
        return millis;
    }

    private static long median(List<Long> values) {
        return values.stream().sorted().toList().get(values.size() / 2);
    }

    /** The signature as a merchant would compute it, with Python's standard hmac module. */
    private static String pythonHmac(String secret, String timestamp, String body) throws Exception {
        Path file = Files.createTempFile("webhook-body", ".json");
        try {
            Files.writeString(file, body, StandardCharsets.UTF_8);
            Process p = new ProcessBuilder("python3", "-c", """
                    import hashlib, hmac, sys
                    secret, ts, body = sys.argv[1].encode(), sys.argv[2].encode(), open(sys.argv[3], 'rb').read()
                    print('v1=' + hmac.new(secret, ts + b'.' + body, hashlib.sha256).hexdigest())
                    """, secret, timestamp, file.toString())
                    .redirectErrorStream(true)
                    .start();
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        } finally {
            Files.delete(file);
        }
    }
}
