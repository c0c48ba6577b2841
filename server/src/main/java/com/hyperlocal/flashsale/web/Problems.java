package com.hyperlocal.flashsale.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Objects;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * The problem+json answer for a domain error, for the rare hot path that answers one without
 * throwing. It is the same mapping {@link ApiExceptionHandler} applies to a thrown exception.
 */
public final class Problems {

    private Problems() {}

    public static ResponseEntity<ProblemDetail> of(DomainException e, HttpServletRequest request) {
        return ApiExceptionHandler.problem(
                e.type(),
                Objects.requireNonNull(e.getMessage(), "a domain exception carries its detail"),
                e.properties(),
                request);
    }
}
