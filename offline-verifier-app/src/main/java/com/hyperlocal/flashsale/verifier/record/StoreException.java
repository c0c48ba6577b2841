package com.hyperlocal.flashsale.verifier.record;

/** The redemption log could not be read or written; the scan must not be shown as VALID. */
public class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
