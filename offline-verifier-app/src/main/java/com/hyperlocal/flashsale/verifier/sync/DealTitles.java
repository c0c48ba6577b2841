package com.hyperlocal.flashsale.verifier.sync;

import com.hyperlocal.flashsale.verifier.record.RedemptionStore;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Deal titles for the result screen, cached in SQLite so they are there offline; fetched from
 * the public {@code GET /api/v1/deals/{id}} when online. Without a title the screen shows the id.
 */
public final class DealTitles {

    private final RedemptionStore store;
    private final Supplier<Optional<ServerClient>> client;
    private final Clock clock;

    public DealTitles(RedemptionStore store, Supplier<Optional<ServerClient>> client, Clock clock) {
        this.store = store;
        this.client = client;
        this.clock = clock;
    }

    public Optional<String> cached(UUID dealId) {
        return store.dealTitle(dealId);
    }

    /** The cached title, else one fetched now; empty when offline or unknown. Call off the UI thread. */
    public Optional<String> lookup(UUID dealId) {
        Optional<String> known = cached(dealId);
        if (known.isPresent()) {
            return known;
        }
        Optional<ServerClient> c = client.get();
        if (c.isEmpty()) {
            return Optional.empty();
        }
        try {
            Optional<String> title = c.get().dealTitle(dealId);
            title.ifPresent(t -> store.putDealTitle(dealId, t, clock.instant()));
            return title;
        } catch (ServerException e) {
            return Optional.empty();
        }
    }

    /** Fetches titles for deals seen in scans but not yet named (after a successful sync). */
    public void fetchMissing(int max) {
        store.dealsWithoutTitle().stream().limit(max).forEach(this::lookup);
    }
}
