package com.hyperlocal.flashsale.client;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page of {@code GET /api/v1/merchant/revocations}: revocations after the cursor asked for,
 * oldest first. Store {@code cursor} and ask again with it; {@code hasMore} says a next page is
 * already waiting.
 */
public record RevocationPage(
        List<Revocation> revocations, @Nullable String cursor, boolean hasMore) {

    public RevocationPage {
        revocations = revocations == null ? List.of() : List.copyOf(revocations);
    }
}
