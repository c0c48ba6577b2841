package com.hyperlocal.flashsale.web;

/** A method no handler serves on a path that exists (answered by the deny-by-default filter chain). */
public final class MethodNotAllowedException extends DomainException {

    public MethodNotAllowedException(String method) {
        super("Method " + (method.length() > 16 ? method.substring(0, 16) : method) + " is not supported here");
    }

    @Override
    public ProblemType type() {
        return ProblemType.METHOD_NOT_ALLOWED;
    }
}
