package com.hyperlocal.flashsale.verifier.sync;

import java.time.Instant;

/**
 * What the status bar shows about syncing.
 *
 * @param configured  false when no server URL / API key is set (the till then works offline only)
 * @param online      the last contact with the server succeeded
 * @param lastSuccess the last time every pending scan was acknowledged (null: never)
 * @param message     the last problem in plain words, or null
 */
public record SyncStatus(boolean configured, boolean online, Instant lastSuccess, int pending,
                         int problems, String message) {
}
