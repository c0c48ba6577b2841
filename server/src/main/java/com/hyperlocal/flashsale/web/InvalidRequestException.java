package com.hyperlocal.flashsale.web;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Input that passed binding but breaks a rule that spans fields, e.g. validUntil before validFrom. */
public final class InvalidRequestException extends DomainException {

    private final List<FieldProblem> errors;

    public InvalidRequestException(String field, String message) {
        this(List.of(new FieldProblem(field, message)));
    }

    public InvalidRequestException(List<FieldProblem> errors) {
        super(errors.stream().map(e -> e.field() + " " + e.message()).collect(Collectors.joining("; ")));
        this.errors = List.copyOf(errors);
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
