package com.hyperlocal.flashsale.verifier.scan;

/** The camera could not be found, opened or read; the message is for the shop assistant. */
public class CameraException extends Exception {
    public CameraException(String message, Throwable cause) {
        super(message, cause);
    }
}
