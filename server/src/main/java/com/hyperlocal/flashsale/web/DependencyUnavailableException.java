package com.hyperlocal.flashsale.web;

import java.util.Map;

/** Redis or PostgreSQL cannot be reached; nothing was written. Answered 503 with Retry-After. */
public final class DependencyUnavailableException extends DomainException {

    public DependencyUnavailableException(String dependency, Throwable cause) {
        super(dependency + " is unavailable; nothing was changed. Please retry shortly.", cause);
    }

    @Override
    public ProblemType type() {
        return ProblemType.DEPENDENCY_UNAVAILABLE;
    }

    /** Said explicitly so a client can tell this answer from claim-outcome-unknown without reading the type. */
    @Override
    public Map<String, Object> properties() {
        return Map.of("mayHaveBeenRecorded", false);
    }
}
