package com.hyperlocal.flashsale.web;

/** Redis or PostgreSQL cannot be reached; nothing was written. Answered 503 with Retry-After. */
public final class DependencyUnavailableException extends DomainException {

    public DependencyUnavailableException(String dependency, Throwable cause) {
        super(dependency + " is unavailable; nothing was changed. Please retry shortly.", cause);
    }

    @Override
    public ProblemType type() {
        return ProblemType.DEPENDENCY_UNAVAILABLE;
    }
}
