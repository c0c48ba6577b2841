package com.hyperlocal.flashsale.verifier.scan;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** The camera could not be found, opened or read; the message is for the shop assistant. */
public class CameraException extends Exception {
    /** Never null: made with a plain-English message for the shop assistant. */
    @Override
    public String getMessage() {
        return Objects.requireNonNull(super.getMessage(), "a CameraException always has a message");
    }

    public CameraException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
