package com.hyperlocal.flashsale.client;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The merchant's webhooks: {@code /api/v1/merchant/webhooks}. Obtained from {@link FlashSaleClient#webhooks()}. */
public final class Webhooks {

    private static final String BASE = "api/v1/merchant/webhooks";

    /** A registration answer: the only time the signing secret is sent. */
    public record Registered(UUID id, String url, String secret, String createdAt) {
        @Override
        public String toString() {
            return "Registered[id=" + id + ", url=" + url + "]";
        }
    }

    public record Webhook(UUID id, String url, String createdAt) {}

    public record Delivery(
            UUID id,
            UUID webhookId,
            UUID eventId,
            String eventType,
            UUID dealId,
            String status,
            int attempts,
            String nextAttemptAt,
            String lastAttemptAt,
            Integer lastHttpStatus,
            String lastError,
            String createdAt,
            String deliveredAt) {}

    record WebhookList(List<Webhook> webhooks) {}

    record DeliveryList(List<Delivery> deliveries) {}

    private final FlashSaleClient client;

    Webhooks(FlashSaleClient client) {
        this.client = client;
    }

    public Registered add(String url) {
        return client.post(BASE, Json.compact(Map.of("url", url)), Registered.class);
    }

    public List<Webhook> list() {
        List<Webhook> list = client.get(BASE, true, WebhookList.class).webhooks();
        return list == null ? List.of() : list;
    }

    public void remove(UUID id) {
        client.delete(BASE + "/" + id);
    }

    /** Sends one test event straight to the endpoint and answers how it went. */
    public Delivery test(UUID id) {
        return client.post(BASE + "/" + id + "/test", null, Delivery.class);
    }

    /** Deliveries, newest first; {@code status} and {@code webhookId} narrow the list when given. */
    public List<Delivery> deliveries(String status, UUID webhookId, int limit) {
        StringBuilder path = new StringBuilder(BASE + "/deliveries?limit=" + limit);
        if (status != null) {
            path.append("&status=").append(URLEncoder.encode(status, StandardCharsets.UTF_8));
        }
        if (webhookId != null) {
            path.append("&webhookId=").append(webhookId);
        }
        List<Delivery> list =
                client.get(path.toString(), true, DeliveryList.class).deliveries();
        return list == null ? List.of() : list;
    }
}
