package com.hyperlocal.flashsale.events;

import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * One outbox row. {@link #envelope()} is the message body every consumer sees:
 * {@code {"id","type","seq","dealId","merchantId","occurredAt","data"}}.
 */
public record OutboxEvent(
        long seq, UUID eventId, String type, UUID dealId, UUID merchantId, String payload, Instant occurredAt) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public String routingKey() {
        return "deal." + (dealId == null ? "none" : dealId) + "." + type;
    }

    public String envelope() {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", eventId.toString());
        node.put("type", type);
        node.put("seq", seq);
        node.put("dealId", dealId == null ? null : dealId.toString());
        node.put("merchantId", merchantId == null ? null : merchantId.toString());
        node.put("occurredAt", occurredAt.toString());
        node.set("data", JSON.readTree(payload));
        return JSON.writeValueAsString(node);
    }
}
