package com.hyperlocal.flashsale.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;
import org.springframework.amqp.AmqpRejectAndDontRequeueException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns each event from the webhooks queue into one pending delivery per webhook of the deal's
 * merchant. Only database work happens here, never HTTP, so the queue drains at database speed
 * whatever the endpoints do. A redelivered event (same id) inserts nothing: the unique
 * (webhook, event) key makes this consumer idempotent.
 */
@Component
class WebhookEventListener {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final WebhookStore store;
    private final Clock clock;

    WebhookEventListener(WebhookStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @RabbitListener(
            id = "webhook-events",
            queues = "${flashsale.webhooks.queue:flashsale.webhooks}",
            autoStartup = "${flashsale.webhooks.enabled:true}")
    void onEvent(Message message) throws InterruptedException {
        String body = new String(message.getBody(), StandardCharsets.UTF_8);
        JsonNode event;
        UUID eventId;
        try {
            event = JSON.readTree(body);
            eventId = UUID.fromString(event.get("id").asString());
        } catch (RuntimeException e) { // JacksonException, a missing or malformed id
            throw new AmqpRejectAndDontRequeueException("Not a flashsale event envelope");
        }
        JsonNode merchant = event.get("merchantId");
        if (merchant == null || merchant.isNull()) {
            return;
        }
        JsonNode deal = event.get("dealId");
        try {
            store.enqueue(
                    UUID.fromString(merchant.asString()),
                    eventId,
                    event.get("type").asString(),
                    deal == null || deal.isNull() ? null : UUID.fromString(deal.asString()),
                    body,
                    clock.instant());
        } catch (DataAccessException e) {
            // The message goes back to the queue; pause so a database outage is not a busy loop.
            Thread.sleep(1000);
            throw e;
        }
    }
}
