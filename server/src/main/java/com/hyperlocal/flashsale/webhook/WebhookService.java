package com.hyperlocal.flashsale.webhook;

import com.hyperlocal.flashsale.web.InvalidRequestException;
import com.hyperlocal.flashsale.web.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

@Service
class WebhookService {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final java.util.Set<String> STATUSES = java.util.Set.of("PENDING", "DELIVERED", "PARKED");

    private final WebhookStore store;
    private final WebhookSecrets secrets;
    private final WebhookDispatcher dispatcher;
    private final WebhookProperties props;
    private final TransactionTemplate tx;
    private final Clock clock;

    WebhookService(
            WebhookStore store,
            WebhookSecrets secrets,
            WebhookDispatcher dispatcher,
            WebhookProperties props,
            TransactionTemplate tx,
            Clock clock) {
        this.store = store;
        this.secrets = secrets;
        this.dispatcher = dispatcher;
        this.props = props;
        this.tx = tx;
        this.clock = clock;
    }

    record Registered(UUID id, String url, String secret, Instant createdAt) {}

    record WebhookView(UUID id, String url, Instant createdAt) {}

    Registered register(UUID merchantId, String url) {
        String checked = WebhookUrl.check(url).toString();
        String secret = secrets.newSecret();
        WebhookStore.Webhook webhook =
                new WebhookStore.Webhook(UUID.randomUUID(), merchantId, checked, secrets.encrypt(secret), now());
        tx.executeWithoutResult(status -> {
            if (store.countForUpdate(merchantId) >= props.maxPerMerchant()) {
                throw new WebhookLimitException(props.maxPerMerchant());
            }
            store.insert(webhook);
        });
        return new Registered(webhook.id(), webhook.url(), secret, webhook.createdAt());
    }

    List<WebhookView> list(UUID merchantId) {
        return store.list(merchantId).stream()
                .map(w -> new WebhookView(w.id(), w.url(), w.createdAt()))
                .toList();
    }

    void remove(UUID merchantId, UUID id) {
        if (!store.delete(merchantId, id)) {
            throw new NotFoundException("Webhook", id);
        }
    }

    /** Sends a signed {@code webhook.test} event now, once (no retries), and reports what happened. */
    WebhookDeliveryView test(UUID merchantId, UUID id) {
        if (store.find(merchantId, id).isEmpty()) {
            throw new NotFoundException("Webhook", id);
        }
        UUID eventId = UUID.randomUUID();
        Instant now = now();
        String body = JSON.writeValueAsString(Map.of(
                "id",
                eventId.toString(),
                "type",
                "webhook.test",
                "merchantId",
                merchantId.toString(),
                "occurredAt",
                now.toString(),
                "data",
                Map.of("webhookId", id.toString())));
        UUID deliveryId = store.enqueueOne(id, eventId, "webhook.test", body, now);
        dispatcher.attempt(store.byId(deliveryId).orElseThrow(), false);
        return store.delivery(deliveryId).orElseThrow();
    }

    List<WebhookDeliveryView> deliveries(
            UUID merchantId, @Nullable String status, @Nullable UUID webhookId, int limit) {
        String wanted = status == null || status.isBlank() ? null : status.toUpperCase(Locale.ROOT);
        if (wanted != null && !STATUSES.contains(wanted)) {
            throw new InvalidRequestException("status", "must be one of PENDING, DELIVERED, PARKED");
        }
        if (limit < 1 || limit > 500) {
            throw new InvalidRequestException("limit", "must be 1-500");
        }
        return store.deliveries(merchantId, wanted, webhookId, limit);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
