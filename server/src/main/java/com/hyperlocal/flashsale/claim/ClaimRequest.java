package com.hyperlocal.flashsale.claim;

import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * Optional body of {@code POST /api/v1/deals/{id}/claims}. The claimant is the bearer token's
 * {@code sub}; {@code userId} is accepted only for older clients and must then equal it (else 400).
 */
record ClaimRequest(@Size(max = 64) @Nullable String userId) {}
