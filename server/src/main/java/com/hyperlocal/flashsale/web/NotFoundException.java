package com.hyperlocal.flashsale.web;

/** A deal, claim or other resource that does not exist (or is not visible to the caller). */
public final class NotFoundException extends DomainException {

    public NotFoundException(String what, Object id) {
        super(what + " " + id + " does not exist");
    }

    @Override
    public ProblemType type() {
        return ProblemType.NOT_FOUND;
    }
}
