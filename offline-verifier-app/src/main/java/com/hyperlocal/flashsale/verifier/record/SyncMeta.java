package com.hyperlocal.flashsale.verifier.record;

import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Sync bookkeeping that must survive a restart: when scans were last all acknowledged, when the
 * deals and revocations were last fetched, and the revocation cursor to continue from.
 */
public final class SyncMeta {

    private static final String LAST_SYNC = "last_sync";
    private static final String DEALS_SYNCED = "deals_synced_at";
    private static final String REVOCATIONS_SYNCED = "revocations_synced_at";
    private static final String REVOCATION_CURSOR = "revocation_cursor";

    private final Sql sql;

    SyncMeta(Sql sql) {
        this.sql = sql;
    }

    public Optional<Instant> lastSync() {
        return get(LAST_SYNC).map(Instant::parse);
    }

    public void setLastSync(Instant when) {
        put(LAST_SYNC, when.toString());
    }

    public Optional<Instant> dealsSyncedAt() {
        return get(DEALS_SYNCED).map(Instant::parse);
    }

    public void setDealsSyncedAt(Instant when) {
        put(DEALS_SYNCED, when.toString());
    }

    public Optional<Instant> revocationsSyncedAt() {
        return get(REVOCATIONS_SYNCED).map(Instant::parse);
    }

    /** Empty before the first revocation sync: the next request then asks for all of them. */
    public Optional<String> revocationCursor() {
        return get(REVOCATION_CURSOR);
    }

    /** Stores the cursor and the time together, so a crash between them cannot skip revocations. */
    public void revocationsSynced(@Nullable String cursor, Instant when) {
        sql.inTransaction(() -> {
            if (cursor != null) {
                putLocked(REVOCATION_CURSOR, cursor);
            }
            putLocked(REVOCATIONS_SYNCED, when.toString());
        });
    }

    private Optional<String> get(String key) {
        return sql.first("SELECT value FROM meta WHERE key = ?", rs -> rs.getString(1), key);
    }

    private void put(String key, String value) {
        sql.inTransaction(() -> {
            putLocked(key, value);
        });
    }

    private void putLocked(String key, String value) throws java.sql.SQLException {
        sql.update("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", key, value);
    }
}
