package com.hyperlocal.flashsale.cli.webhook;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.hyperlocal.flashsale.cli.http.ApiClient;
import com.hyperlocal.flashsale.cli.http.Json;

/** Every HTTP call of the webhook commands, in one place: {@code /api/v1/merchant/webhooks}. */
final class WebhookApi {

    private static final String BASE = "api/v1/merchant/webhooks";

    /** A registration answer: the only time the signing secret is sent. */
    record Registered(UUID id, String url, String secret, String createdAt) {
    }

    record Webhook(UUID id, String url, String createdAt) {
    }

    record Delivery(UUID id, UUID webhookId, UUID eventId, String eventType, UUID dealId, String status, int attempts,
            String nextAttemptAt, String lastAttemptAt, Integer lastHttpStatus, String lastError, String createdAt,
            String deliveredAt) {
    }

    private record WebhookList(List<Webhook> webhooks) {
    }

    private record DeliveryList(List<Delivery> deliveries) {
    }

    private final ApiClient client;

    WebhookApi(ApiClient client) {
        this.client = client;
    }

    Registered add(String url) {
        return Json.read(client.call("POST", BASE, Json.compact(Map.of("url", url))), Registered.class);
    }

    List<Webhook> list() {
        List<Webhook> list = Json.read(client.call("GET", BASE, null), WebhookList.class).webhooks();
        return list == null ? List.of() : list;
    }

    void remove(UUID id) {
        client.call("DELETE", BASE + "/" + id, null);
    }

    Delivery test(UUID id) {
        return Json.read(client.call("POST", BASE + "/" + id + "/test", null), Delivery.class);
    }

    List<Delivery> deliveries(String status, UUID webhookId, int limit) {
        StringBuilder path = new StringBuilder(BASE + "/deliveries?limit=" + limit);
        if (status != null) {
            path.append("&status=").append(URLEncoder.encode(status, StandardCharsets.UTF_8));
        }
        if (webhookId != null) {
            path.append("&webhookId=").append(webhookId);
        }
        List<Delivery> list = Json.read(client.call("GET", path.toString(), null), DeliveryList.class).deliveries();
        return list == null ? List.of() : list;
    }
}
