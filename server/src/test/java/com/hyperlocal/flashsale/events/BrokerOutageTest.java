package com.hyperlocal.flashsale.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hyperlocal.flashsale.OwnBroker;
import com.hyperlocal.flashsale.OwnBrokerTest;
import com.hyperlocal.flashsale.TestApi;
import com.hyperlocal.flashsale.WebhookReceiver;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * With the broker stopped, claims still succeed (they only write the outbox in their own
 * transaction), the events wait in the outbox, and once the broker is back every one of them is
 * published and reaches the consumer (here: a merchant webhook, through the real broker).
 */
@OwnBrokerTest
class BrokerOutageTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void claimsGoOnWhileTheBrokerIsDownAndEveryEventArrivesWhenItReturns() throws Exception {
        TestApi api = new TestApi(port);
        TestApi.Merchant merchant = api.newMerchant("Outage merchant");
        try (WebhookReceiver endpoint = new WebhookReceiver()) {
            assertThat(api.postAs(
                                    merchant.apiKey(),
                                    "/api/v1/merchant/webhooks",
                                    TestApi.JSON.writeValueAsString(Map.of("url", endpoint.url())))
                            .status())
                    .isEqualTo(201);
            UUID deal = api.createDeal(merchant.apiKey(), "Outage", 6.0, 6.0, 100);
            await().atMost(Duration.ofSeconds(30)).until(() -> unpublished(deal) == 0);

            OwnBroker.BROKER.stop();
            try {
                for (int i = 0; i < 20; i++) {
                    long start = System.nanoTime();
                    assertThat(api.claim(deal, "outage-" + i).status()).isEqualTo(201);
                    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
                }
                Thread.sleep(1500); // the relay has tried (and failed) meanwhile
                assertThat(unpublished(deal)).isEqualTo(20);
            } finally {
                OwnBroker.BROKER.start();
            }

            await().atMost(Duration.ofSeconds(60)).until(() -> unpublished(deal) == 0);
            Set<String> delivered = new HashSet<>();
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                for (WebhookReceiver.Received r : endpoint.received()) {
                    JsonNode event = TestApi.JSON.readTree(r.body());
                    if (event.get("type").asString().equals("claims.granted")) {
                        event.get("data")
                                .get("claims")
                                .forEach(c -> delivered.add(c.get("claimId").asString()));
                    }
                }
                List<String> claims = jdbc.sql("SELECT id::text FROM claims WHERE deal_id = :d")
                        .param("d", deal)
                        .query(String.class)
                        .list();
                assertThat(delivered).hasSize(20).containsExactlyInAnyOrderElementsOf(claims);
            });
        }
    }

    private int unpublished(UUID deal) {
        return jdbc.sql("SELECT count(*) FROM outbox_events WHERE deal_id = :d AND published_at IS NULL")
                .param("d", deal)
                .query(Integer.class)
                .single();
    }
}
