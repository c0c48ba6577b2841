package com.hyperlocal.flashsale.verifier.verify;

import java.util.Objects;

/** The till cannot check vouchers at all (no key cache, unreadable cache, no merchant id). */
public class KeysUnavailableException extends Exception {
    /** Never null: made with a plain-English message for the shop assistant. */
    @Override
    public String getMessage() {
        return Objects.requireNonNull(super.getMessage(), "a KeysUnavailableException always has a message");
    }

    public KeysUnavailableException(String message) {
        super(message);
    }
}
