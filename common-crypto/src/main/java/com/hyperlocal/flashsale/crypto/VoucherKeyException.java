package com.hyperlocal.flashsale.crypto;

/**
 * A key, JWK, PEM or JWK set could not be loaded or parsed.
 *
 * <p>Messages describe <em>what</em> was wrong (e.g. "not an EC P-256 key") and may include a
 * {@code kid}; they never include key material, so they are safe to log.
 */
public class VoucherKeyException extends Exception {

    private static final long serialVersionUID = 1L;

    // No constructor takes a cause on purpose: parser exceptions (JSON, ASN.1) can echo
    // fragments of their input, which here is key material.
    public VoucherKeyException(String message) {
        super(message);
    }
}
