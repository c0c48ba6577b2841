package com.hyperlocal.flashsale.web;

/** One rejected input field in a validation problem's {@code errors} list. */
public record FieldProblem(String field, String message) {
}
