package com.hyperlocal.flashsale.verifier.record;

/** The result of trying to record a redemption. */
public sealed interface RecordResult {

    /** Committed to disk (fsync'ed) before this is returned. */
    record Recorded(ScanRecord scan) implements RecordResult {}

    /** This device already redeemed the voucher; {@code first} is that redemption. */
    record AlreadyRedeemed(ScanRecord first, ScanRecord refusal) implements RecordResult {}
}
