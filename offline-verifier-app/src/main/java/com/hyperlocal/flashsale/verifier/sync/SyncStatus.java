package com.hyperlocal.flashsale.verifier.sync;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What the status bar shows about syncing.
 *
 * @param configured  false when no server URL / API key is set (the till then works offline only)
 * @param online      the last contact with the server succeeded
 * @param lastSuccess the last time every pending scan was acknowledged (null: never)
 * @param kind        what went wrong, NONE when nothing did
 * @param problem     the last problem in plain words, or null (cleared by the next successful sync)
 * @param dealsAt     when the deals were last fetched (null: never)
 * @param revocationsAt when the revocation list was last brought up to date (null: never)
 */
public record SyncStatus(
        boolean configured,
        boolean online,
        @Nullable Instant lastSuccess,
        int pending,
        int problems,
        Problem kind,
        @Nullable String problem,
        @Nullable Instant dealsAt,
        @Nullable Instant revocationsAt) {

    /** Why the last sync failed; NONE once one succeeds. */
    public enum Problem {
        NONE,
        UNREACHABLE,
        KEY_REFUSED,
        NOT_CONFIGURED,
        SERVER,
        TILL
    }
}
