package com.hyperlocal.flashsale.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.hyperlocal.flashsale.EventTap;
import com.hyperlocal.flashsale.IntegrationTest;
import com.hyperlocal.flashsale.TestApi;
import com.hyperlocal.flashsale.WebhookReceiver;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The relay dies after the broker confirmed a batch but before the rows were marked: the rows are
 * published again (at least once), and the webhook consumer turns the two copies into one delivery.
 */
@IntegrationTest
class RelayCrashTest {

    @LocalServerPort
    int port;

    @Autowired
    OutboxRelay relay;

    @Autowired
    Outbox outbox;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AmqpAdmin admin;

    @Autowired
    RabbitTemplate rabbit;

    @Test
    void relayKilledBetweenPublishAndMarkRepublishesAndTheConsumerDeduplicates() throws Exception {
        TestApi api = new TestApi(port);
        TestApi.Merchant merchant = api.newMerchant("Crash merchant");
        try (WebhookReceiver endpoint = new WebhookReceiver();
                EventTap tap = new EventTap(admin, rabbit, "deal.*.deal.created")) {
            assertThat(api.postAs(
                                    merchant.apiKey(),
                                    "/api/v1/merchant/webhooks",
                                    TestApi.JSON.writeValueAsString(Map.of("url", endpoint.url())))
                            .status())
                    .isEqualTo(201);
            AtomicReference<UUID> deal = new AtomicReference<>();

            assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
                        // From here the background relay cannot take the lock: this "relay" publishes the deal's event.
                        await().pollInSameThread()
                                .atMost(Duration.ofSeconds(10))
                                .until(outbox::tryRelayLock); // in this transaction
                        deal.set(api.createDeal(merchant.apiKey(), "Crash", 5.0, 5.0, 3));
                        relay.relayOnce(published -> {
                            assertThat(published).anyMatch(e -> deal.get().equals(e.dealId()));
                            throw new IllegalStateException("relay killed before marking");
                        });
                    }))
                    .hasMessage("relay killed before marking");

            await().atMost(Duration.ofSeconds(30))
                    .until(() -> copiesOf(tap, deal.get(), Duration.ZERO).size() >= 2);
            List<Message> copies = copiesOf(tap, deal.get(), Duration.ofMillis(500));
            assertThat(copies).hasSize(2);
            String eventId = copies.get(0).getMessageProperties().getMessageId();
            assertThat(copies.get(1).getMessageProperties().getMessageId()).isEqualTo(eventId);

            await().atMost(Duration.ofSeconds(30))
                    .until(() -> !endpoint.received().isEmpty());
            Thread.sleep(1000); // room for a second delivery, which must not come
            assertThat(endpoint.received())
                    .singleElement()
                    .satisfies(r -> assertThat(r.header("Flashsale-Event-Id")).isEqualTo(eventId));
            assertThat(jdbc.sql("SELECT count(*) FROM webhook_deliveries WHERE event_id = CAST(:e AS uuid)")
                            .param("e", eventId)
                            .query(Integer.class)
                            .single())
                    .isEqualTo(1);
            assertThat(jdbc.sql("SELECT published_at IS NOT NULL FROM outbox_events WHERE event_id = CAST(:e AS uuid)")
                            .param("e", eventId)
                            .query(Boolean.class)
                            .single())
                    .isTrue();
        }
    }

    private static List<Message> copiesOf(EventTap tap, UUID deal, Duration quiet) throws InterruptedException {
        return tap.settle(quiet).stream()
                .filter(m -> EventTap.json(m).get("dealId").asString().equals(deal.toString()))
                .toList();
    }
}
