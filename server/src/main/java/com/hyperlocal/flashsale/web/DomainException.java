package com.hyperlocal.flashsale.web;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Base of every domain error. Each subclass names one cause; {@link ApiExceptionHandler} turns it
 * into a problem+json answer. The message becomes {@code detail}, so it must be safe to show.
 */
public abstract class DomainException extends RuntimeException {

    protected DomainException(String detail) {
        super(detail, null, false, false);
    }

    protected DomainException(String detail, @Nullable Throwable cause) {
        super(detail, cause, false, false);
    }

    public abstract ProblemType type();

    /** Extra members of the problem body, e.g. the id of the claim a user already holds. */
    public Map<String, Object> properties() {
        return Map.of();
    }
}
