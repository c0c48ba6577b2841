package com.hyperlocal.flashsale.merchant;

import java.util.UUID;

/**
 * The merchant proven by the request's API key. Declare it as a controller parameter to require
 * {@code Authorization: Bearer <key>}; {@link MerchantArgumentResolver} supplies it or answers 401.
 */
public record AuthenticatedMerchant(UUID id, String name) {
}
