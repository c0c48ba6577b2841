package com.hyperlocal.flashsale.verifier.sync;

import com.hyperlocal.flashsale.verifier.record.DealCatalog;
import com.hyperlocal.flashsale.verifier.record.RevocationList;
import com.hyperlocal.flashsale.verifier.record.SyncMeta;
import java.time.Clock;

/**
 * Brings what the till must know offline (pretixSCAN's model): the merchant's deals, replaced
 * whole, and the revocation list, continued from the stored cursor so a till a week behind
 * catches up in a request or a few.
 */
final class CatalogSync {

    static final int REVOCATION_PAGE = 1_000;
    /** Bounds one sync even if a server kept saying "more". */
    static final int MAX_PAGES = 100;

    record Result(int deals, int newRevocations) {}

    private final DealCatalog deals;
    private final RevocationList revocations;
    private final SyncMeta meta;
    private final Clock clock;

    CatalogSync(DealCatalog deals, RevocationList revocations, SyncMeta meta, Clock clock) {
        this.deals = deals;
        this.revocations = revocations;
        this.meta = meta;
        this.clock = clock;
    }

    Result run(TillServer server) throws ServerException {
        var list = server.deals();
        deals.store(list);
        meta.setDealsSyncedAt(clock.instant());
        int added = 0;
        String cursor = meta.revocationCursor().orElse(null);
        for (int page = 0; page < MAX_PAGES; page++) {
            TillServer.RevocationPage p = server.revocations(cursor, REVOCATION_PAGE);
            int before = revocations.count();
            revocations.add(p.revocations());
            added += revocations.count() - before;
            cursor = p.cursor() != null ? p.cursor() : cursor;
            // Stored after each page: a failure on page 3 does not refetch pages 1 and 2.
            meta.revocationsSynced(cursor, clock.instant());
            if (!p.hasMore() || p.revocations().isEmpty()) {
                break;
            }
        }
        return new Result(list.size(), added);
    }
}
