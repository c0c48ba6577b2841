package com.hyperlocal.flashsale.verifier.record;

/** Whether the server has answered for a scan yet. */
public enum SyncState {
    /** Not yet acknowledged by the server; will be (re)sent, always with the same client id. */
    PENDING,
    /** The server answered (ACCEPTED, DUPLICATE, CONFLICT or REJECTED); never sent again. */
    SYNCED
}
