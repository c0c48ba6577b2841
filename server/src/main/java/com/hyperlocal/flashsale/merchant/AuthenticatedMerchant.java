package com.hyperlocal.flashsale.merchant;

import java.util.UUID;

/**
 * The merchant proven by the request's API key (the merchant filter chain verifies it). Declare it
 * as a controller parameter to learn who is calling.
 */
public record AuthenticatedMerchant(UUID id, String name) {}
