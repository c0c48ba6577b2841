package com.hyperlocal.flashsale.verifier.record;

/** What the till did with a scan; the same words the server's upload contract uses. */
public enum Outcome {
    /** Valid voucher, honoured at this counter. */
    REDEEMED,
    /** Not honoured (invalid, or already redeemed); kept as a logged scan. */
    REFUSED
}
