package com.hyperlocal.flashsale.webhook;

import java.time.Instant;
import java.util.UUID;

/** One delivery as the merchant sees it (the body is not repeated: it is the event). */
record WebhookDeliveryView(UUID id, UUID webhookId, UUID eventId, String eventType, UUID dealId, String status,
        int attempts, Instant nextAttemptAt, Instant lastAttemptAt, Integer lastHttpStatus, String lastError,
        Instant createdAt, Instant deliveredAt) {
}
