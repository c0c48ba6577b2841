package com.hyperlocal.flashsale.cli.http;

import com.hyperlocal.flashsale.cli.ExitCodes;
import java.time.Duration;

/**
 * The server could not be reached or answered with an error. {@link #exitCode()} maps it onto
 * the documented exit codes; {@link #getMessage()} is the one line shown to the merchant.
 */
public class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient Problem problem;
    private final Duration retryAfter;

    public ApiException(int status, Problem problem, Duration retryAfter, String message) {
        super(message);
        this.status = status;
        this.problem = problem;
        this.retryAfter = retryAfter;
    }

    /** Connection refused, DNS failure, timeout: status 0. */
    public static ApiException unreachable(String server, Throwable cause) {
        String why = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        ApiException e = new ApiException(0, null, null, "cannot reach the server at " + server
                + " (" + why + "); is it running? Check --server, FLASHDEAL_SERVER or `flashdeal config show`");
        e.initCause(cause);
        return e;
    }

    /** HTTP status, or 0 when the server was not reached. */
    public int status() {
        return status;
    }

    /** The problem+json body, or null if the answer had none. */
    public Problem problem() {
        return problem;
    }

    /** The server's Retry-After hint, or null. */
    public Duration retryAfter() {
        return retryAfter;
    }

    public int exitCode() {
        if (status == 401) {
            return ExitCodes.UNAUTHORIZED;
        }
        if (status == 404) {
            return ExitCodes.NOT_FOUND;
        }
        if (status >= 400 && status < 500) {
            return ExitCodes.REJECTED;
        }
        return ExitCodes.UNAVAILABLE; // 0 (unreachable), 5xx, or a nonsensical status
    }

    /** A 2xx answer we could not understand: the server is not what we expect. */
    public static final class BadAnswer extends ApiException {
        private static final long serialVersionUID = 1L;

        public BadAnswer(String message) {
            super(0, null, null, message);
        }
    }
}
