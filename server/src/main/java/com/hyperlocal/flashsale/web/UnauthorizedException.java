package com.hyperlocal.flashsale.web;

/** Missing, malformed, unknown or revoked credentials. The detail never echoes the key. */
public final class UnauthorizedException extends DomainException {

    public UnauthorizedException(String detail) {
        super(detail);
    }

    @Override
    public ProblemType type() {
        return ProblemType.UNAUTHORIZED;
    }
}
