package com.hyperlocal.flashsale.web;

import java.util.Map;

/**
 * A caller over one of its limits. {@code policy} and {@code retryAfterSeconds} become the IETF
 * {@code RateLimit-Policy} / {@code RateLimit} headers and {@code Retry-After} (see {@link ProblemResponses}).
 *
 * @param limit             the limit's name, e.g. {@code shopper}, {@code ip}
 * @param capacity          requests allowed per window
 * @param windowSeconds     the window the capacity refills over
 * @param retryAfterSeconds when one more request will be allowed (at least 1)
 */
public final class RateLimitedException extends DomainException {

    private final String limit;
    private final long capacity;
    private final long windowSeconds;
    private final long retryAfterSeconds;

    public RateLimitedException(String limit, long capacity, long windowSeconds, long retryAfterSeconds) {
        super("Too many requests (" + limit + " limit: " + capacity + " per " + windowSeconds + " s); retry in "
                + retryAfterSeconds + " s");
        this.limit = limit;
        this.capacity = capacity;
        this.windowSeconds = windowSeconds;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    @Override
    public ProblemType type() {
        return ProblemType.RATE_LIMITED;
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("limit", limit, "retryAfterSeconds", retryAfterSeconds);
    }

    public String limit() {
        return limit;
    }

    public long capacity() {
        return capacity;
    }

    public long windowSeconds() {
        return windowSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
