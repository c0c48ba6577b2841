package com.hyperlocal.flashsale.verifier.sync;

/**
 * A call to the server failed.
 *
 * @see #retryable() true for "offline" failures (no connection, timeout, 5xx, 429): try again
 *      later; false when the server understood and refused (e.g. 401 wrong API key)
 */
public class ServerException extends Exception {

    private final int status;
    private final String problemType;
    private final boolean retryable;

    public ServerException(int status, String problemType, String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.problemType = problemType;
        this.retryable = retryable;
    }

    /** HTTP status, or 0 when no answer arrived at all. */
    public int status() {
        return status;
    }

    /** The problem+json slug (e.g. {@code unauthorized}), or null. */
    public String problemType() {
        return problemType;
    }

    public boolean retryable() {
        return retryable;
    }
}
