package com.hyperlocal.flashsale.web;

/** Authenticated, but not as a kind of caller this endpoint serves. */
public final class ForbiddenException extends DomainException {

    public ForbiddenException(String detail) {
        super(detail);
    }

    @Override
    public ProblemType type() {
        return ProblemType.FORBIDDEN;
    }
}
