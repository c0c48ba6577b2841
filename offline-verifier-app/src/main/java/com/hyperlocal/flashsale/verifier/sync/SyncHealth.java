package com.hyperlocal.flashsale.verifier.sync;

import org.jspecify.annotations.Nullable;

/**
 * How the last contact with the server went; immutable, swapped whole so readers never see half
 * of an update.
 *
 * @param online   the server answered (a refusal such as a wrong API key counts: it is reachable)
 * @param failures consecutive failed attempts, for the backoff
 * @param kind     what went wrong, for a translated message
 * @param problem  the last problem in plain words (English detail), null once a sync succeeds
 */
record SyncHealth(
        boolean online,
        int failures,
        SyncStatus.Problem kind,
        @Nullable String problem) {

    static final SyncHealth UNKNOWN = new SyncHealth(false, 0, SyncStatus.Problem.NONE, null);

    SyncHealth succeeded() {
        return new SyncHealth(true, 0, SyncStatus.Problem.NONE, null);
    }

    SyncHealth failed(ServerException e) {
        SyncStatus.Problem kind = e.status() == 0 && e.retryable()
                ? SyncStatus.Problem.UNREACHABLE
                : e.status() == 401 || e.status() == 403
                        ? SyncStatus.Problem.KEY_REFUSED
                        : e.status() == 0 ? SyncStatus.Problem.NOT_CONFIGURED : SyncStatus.Problem.SERVER;
        return new SyncHealth(!e.retryable(), failures + 1, kind, e.getMessage());
    }

    SyncHealth broken(String why) {
        return new SyncHealth(online, failures + 1, SyncStatus.Problem.TILL, why);
    }

    SyncHealth notConfigured() {
        return UNKNOWN;
    }
}
