package com.hyperlocal.flashsale.web;

import org.jspecify.annotations.Nullable;

/** One rejected input field in a validation problem's {@code errors} list. */
public record FieldProblem(@Nullable String field, @Nullable String message) {}
