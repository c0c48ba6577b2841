package com.hyperlocal.flashsale.client;

import java.util.UUID;

/** {@code GET /api/v1/merchant/me}: whose API key this is. */
public record Merchant(UUID id, String name) {}
