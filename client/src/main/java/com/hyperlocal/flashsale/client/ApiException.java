package com.hyperlocal.flashsale.client;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Why a call to the server failed: one of four kinds, so callers decide by kind (switch over
 * the subclasses) and show {@link #getMessage()}, a plain one-line message without Java class
 * names. The CLI maps the kinds to exit codes, the till to "offline, retry later" or "fix the
 * settings".
 */
public abstract sealed class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    ApiException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }

    /** Never null: every kind is made with a one-line message. */
    @Override
    public String getMessage() {
        return Objects.requireNonNull(super.getMessage(), "an ApiException always has a message");
    }

    /** HTTP status, or 0 when no HTTP answer was understood. */
    public int status() {
        return 0;
    }

    /** True when trying again later may succeed (offline, timeout, 5xx, 429). */
    public abstract boolean retryable();

    /** No answer: connection refused, unknown host, TLS failure, timeout. */
    public static final class Unreachable extends ApiException {
        private static final long serialVersionUID = 1L;

        Unreachable(String message, Throwable cause) {
            super(message, cause);
        }

        @Override
        public boolean retryable() {
            return true;
        }
    }

    /** The server answered with an error status; the problem+json body when it sent one. */
    public static final class HttpError extends ApiException {
        private static final long serialVersionUID = 1L;

        private final int status;
        private final transient @Nullable Problem problem;
        private final @Nullable Duration retryAfter;

        HttpError(int status, @Nullable Problem problem, @Nullable Duration retryAfter, String message) {
            super(message, null);
            this.status = status;
            this.problem = problem;
            this.retryAfter = retryAfter;
        }

        @Override
        public int status() {
            return status;
        }

        public Optional<Problem> problem() {
            return Optional.ofNullable(problem);
        }

        /** The problem slug (e.g. {@code not-found}), if the body had one. */
        public Optional<String> slug() {
            return problem().flatMap(Problem::slug);
        }

        /** What the server said (detail, field errors), or the status' reason phrase. */
        public String said() {
            return problem != null && !problem.oneLine().isEmpty() ? problem.oneLine() : reason(status);
        }

        public Optional<Duration> retryAfter() {
            return Optional.ofNullable(retryAfter);
        }

        @Override
        public boolean retryable() {
            return status >= 500 || status == 429 || status == 408;
        }
    }

    /** A success status whose body is not what this client understands. */
    public static final class BadAnswer extends ApiException {
        private static final long serialVersionUID = 1L;

        BadAnswer(String message) {
            super(message, null);
        }

        BadAnswer(String message, Throwable cause) {
            super(message, cause);
        }

        @Override
        public boolean retryable() {
            return true; // typically a proxy's page or a half-deployed server
        }
    }

    /**
     * Refused for trust: a redirect to another origin, keys named at another origin, an unusable
     * or empty key set. Retrying does not help; someone must look at the server or the network.
     */
    public static final class Untrusted extends ApiException {
        private static final long serialVersionUID = 1L;

        Untrusted(String message) {
            super(message, null);
        }

        Untrusted(String message, Throwable cause) {
            super(message, cause);
        }

        @Override
        public boolean retryable() {
            return false;
        }
    }

    static String reason(int status) {
        switch (status) {
            case 400:
                return "bad request";
            case 401:
                return "unauthorized";
            case 403:
                return "forbidden";
            case 404:
                return "not found";
            case 409:
                return "conflict";
            case 413:
                return "request too large";
            case 422:
                return "unprocessable";
            case 429:
                return "too many requests";
            case 503:
                return "service unavailable";
            default:
                return "HTTP " + status;
        }
    }
}
