package com.hyperlocal.flashsale.verifier.counter;

/** What the big result panel shows. */
public enum Verdict {
    /** Genuine, unused here, and the redemption is already on disk: honour it. */
    VALID,
    /** Do not honour (invalid, expired, other shop, already redeemed, …). */
    INVALID,
    /** The till cannot decide (no keys, database error): do not honour, fix the till. */
    CANNOT_CHECK
}
