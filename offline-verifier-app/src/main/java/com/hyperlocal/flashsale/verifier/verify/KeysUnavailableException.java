package com.hyperlocal.flashsale.verifier.verify;

/** The till cannot check vouchers at all (no key cache, unreadable cache, no merchant id). */
public class KeysUnavailableException extends Exception {
    public KeysUnavailableException(String message) {
        super(message);
    }
}
