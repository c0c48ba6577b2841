package com.hyperlocal.flashsale.claim;

import java.util.List;

/** {@code GET /api/v1/me/claims}: the caller's vouchers, newest first. */
record ClaimsPage(List<ClaimResponse> claims, int page, int size, boolean hasMore) {}
