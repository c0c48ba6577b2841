package com.hyperlocal.flashsale.web;

import java.util.List;
import java.util.Map;

/** Input that passed binding but breaks a rule that spans fields, e.g. validUntil before validFrom. */
public final class InvalidRequestException extends DomainException {

    private final List<FieldProblem> errors;

    public InvalidRequestException(String field, String message) {
        super(field + ": " + message);
        this.errors = List.of(new FieldProblem(field, message));
    }

    @Override
    public ProblemType type() {
        return ProblemType.VALIDATION;
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("errors", errors);
    }
}
