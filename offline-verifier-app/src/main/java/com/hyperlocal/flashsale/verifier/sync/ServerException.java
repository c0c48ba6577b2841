package com.hyperlocal.flashsale.verifier.sync;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A call to the server failed.
 *
 * @see #retryable() true for "offline" failures (no connection, timeout, 5xx, 429): try again
 *      later; false when the server understood and refused (e.g. 401 wrong API key)
 */
public class ServerException extends Exception {

    private final int status;
    private final @Nullable String problemType;
    private final boolean retryable;

    public ServerException(
            int status, @Nullable String problemType, String message, boolean retryable, @Nullable Throwable cause) {
        super(message, cause);
        this.status = status;
        this.problemType = problemType;
        this.retryable = retryable;
    }

    /** HTTP status, or 0 when no answer arrived at all. */
    public int status() {
        return status;
    }

    /** The problem+json slug (e.g. {@code unauthorized}), when the server sent one. */
    public Optional<String> problemType() {
        return Optional.ofNullable(problemType);
    }

    public boolean retryable() {
        return retryable;
    }
}
