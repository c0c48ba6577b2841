package com.hyperlocal.flashsale.webhook;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One delivery as the merchant sees it (the body is not repeated: it is the event). */
record WebhookDeliveryView(
        UUID id,
        UUID webhookId,
        UUID eventId,
        String eventType,
        @Nullable UUID dealId,
        String status,
        int attempts,
        Instant nextAttemptAt,
        @Nullable Instant lastAttemptAt,
        @Nullable Integer lastHttpStatus,
        @Nullable String lastError,
        Instant createdAt,
        @Nullable Instant deliveredAt) {}
