package com.hyperlocal.flashsale.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import tools.jackson.core.JacksonException;

/**
 * The one place where errors become RFC 9457 problem+json. Bodies carry a stable {@code type}, a
 * readable {@code detail}, and never a stack trace, class name or SQL.
 */
@RestControllerAdvice
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);
    private static final String RETRY_AFTER_SECONDS = "1";

    @ExceptionHandler(DomainException.class)
    ResponseEntity<ProblemDetail> domain(DomainException e, HttpServletRequest request) {
        return Problems.of(e, request);
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ProblemDetail> invalidArguments(MethodArgumentNotValidException e, HttpServletRequest request) {
        return fieldErrors(e.getBindingResult(), request);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ProblemDetail> invalidParameters(HandlerMethodValidationException e, HttpServletRequest request) {
        List<FieldProblem> errors = e.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream()
                        .map(err ->
                                new FieldProblem(r.getMethodParameter().getParameterName(), err.getDefaultMessage())))
                .toList();
        return validation(errors, request);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadableBody(HttpMessageNotReadableException e, HttpServletRequest request) {
        Optional<JacksonException> cause = jacksonCause(e);
        if (cause.isPresent() && !cause.get().getPath().isEmpty()) {
            JacksonException je = cause.get();
            String field = je.getPath().stream()
                    .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."));
            return validation(List.of(new FieldProblem(field, "has a value of the wrong type or format")), request);
        }
        return problem(ProblemType.VALIDATION, "The request body is missing or is not valid JSON", Map.of(), request);
    }

    /**
     * The Jackson error that knows the JSON path. Not simply the most specific cause: for e.g. an
     * unparsable Instant that is a {@code DateTimeParseException} without a path, which made a
     * well-formed body with one bad field look like "not valid JSON".
     */
    private static Optional<JacksonException> jacksonCause(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof JacksonException je && !je.getPath().isEmpty()) {
                return Optional.of(je);
            }
        }
        return Optional.empty();
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        if (e.getParameter().hasParameterAnnotation(org.springframework.web.bind.annotation.PathVariable.class)) {
            // A malformed id names nothing that could exist.
            return problem(
                    ProblemType.NOT_FOUND,
                    "No resource has the id '" + abbreviate(e.getValue()) + "'",
                    Map.of(),
                    request);
        }
        return validation(List.of(new FieldProblem(e.getName(), "has a value of the wrong type or format")), request);
    }

    /** Tomcat parses the query string on first use: {@code ?%} or {@code ?lat=%zz} fail there. */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<ProblemDetail> badQueryString(InvalidParameterException e, HttpServletRequest request) {
        return problem(ProblemType.BAD_REQUEST, QUERY_NOT_DECODABLE, Map.of(), request);
    }

    static final String QUERY_NOT_DECODABLE = "The query string is not validly percent-encoded UTF-8";

    static boolean badQueryString(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof InvalidParameterException) {
                return true;
            }
        }
        return false;
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> missingParameter(
            MissingServletRequestParameterException e, HttpServletRequest request) {
        return validation(List.of(new FieldProblem(e.getParameterName(), "is required")), request);
    }

    @ExceptionHandler({
        RedisConnectionFailureException.class,
        DataAccessResourceFailureException.class,
        CannotCreateTransactionException.class,
        TransientDataAccessException.class,
        QueryTimeoutException.class
    })
    ResponseEntity<ProblemDetail> unavailable(Exception e, HttpServletRequest request) {
        log.warn("Dependency failure on {} {}: {}", request.getMethod(), request.getRequestURI(), e.toString());
        return problem(
                ProblemType.DEPENDENCY_UNAVAILABLE,
                "A backing service is unavailable; nothing was changed. Please retry shortly.",
                Map.of(),
                request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        if (e instanceof ErrorResponse error) {
            return framework(error, request);
        }
        if (DependencyFailures.isUnavailable(e)) {
            return unavailable(e, request);
        }
        if (outOfMemory(e)) {
            // One line: a stack trace would need the memory that just ran out.
            log.error("Out of memory on {} {}", request.getMethod(), request.getRequestURI());
            return problem(ProblemType.UNAVAILABLE, detailFor(ProblemType.UNAVAILABLE), Map.of(), request);
        }
        log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return problem(
                ProblemType.INTERNAL, "Something went wrong on our side; nothing was changed.", Map.of(), request);
    }

    static boolean outOfMemory(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof OutOfMemoryError) {
                return true;
            }
        }
        return false;
    }

    /** The detail for an error answered without a more specific cause to tell. */
    static String detailFor(ProblemType type) {
        return switch (type) {
            case UNAVAILABLE -> "The server is overloaded. Please retry shortly.";
            case DEPENDENCY_UNAVAILABLE ->
                "A backing service is unavailable; nothing was changed. Please retry shortly.";
            case INTERNAL -> "Something went wrong on our side; nothing was changed.";
            case NOT_FOUND -> "No resource at this path";
            case BAD_REQUEST -> "The request is not well-formed";
            default -> type.title();
        };
    }

    /** Spring MVC's own errors (405, 415, 406, unknown path) keep their status with our body. */
    private ResponseEntity<ProblemDetail> framework(ErrorResponse error, HttpServletRequest request) {
        HttpStatusCode status = error.getStatusCode();
        ProblemType type = switch (status.value()) {
            case 404 -> ProblemType.NOT_FOUND;
            case 405 -> ProblemType.METHOD_NOT_ALLOWED;
            case 406 -> ProblemType.NOT_ACCEPTABLE;
            case 415 -> ProblemType.UNSUPPORTED_MEDIA_TYPE;
            case 503 -> ProblemType.DEPENDENCY_UNAVAILABLE;
            default -> status.is4xxClientError() ? ProblemType.VALIDATION : ProblemType.INTERNAL;
        };
        String detail = error.getBody().getDetail();
        ResponseEntity<ProblemDetail> answer = problem(type, detail != null ? detail : type.title(), Map.of(), request);
        return ResponseEntity.status(status)
                .headers(answer.getHeaders())
                .body(withStatus(Objects.requireNonNull(answer.getBody(), "a problem answer has a body"), status));
    }

    private ResponseEntity<ProblemDetail> fieldErrors(BindingResult result, HttpServletRequest request) {
        List<FieldProblem> errors = result.getFieldErrors().stream()
                .map(ApiExceptionHandler::describe)
                .distinct()
                .toList();
        if (errors.isEmpty()) {
            errors = result.getGlobalErrors().stream()
                    .map(err -> new FieldProblem(err.getObjectName(), err.getDefaultMessage()))
                    .toList();
        }
        return validation(errors, request);
    }

    private static FieldProblem describe(FieldError error) {
        String message = error.isBindingFailure()
                ? "has a value of the wrong type or format"
                : isNotFinite(error.getRejectedValue()) ? "must be a finite number" : error.getDefaultMessage();
        return new FieldProblem(error.getField(), message);
    }

    /**
     * NaN fails both {@code @DecimalMin} and {@code @DecimalMax}, and ±Infinity one of them with a
     * misleading bound; say once what is really wrong. {@code distinct()} then merges the duplicates.
     */
    private static boolean isNotFinite(@Nullable Object value) {
        return (value instanceof Double d && !Double.isFinite(d)) || (value instanceof Float f && !Float.isFinite(f));
    }

    private ResponseEntity<ProblemDetail> validation(List<FieldProblem> errors, HttpServletRequest request) {
        String detail = errors.stream().map(f -> f.field() + " " + f.message()).collect(Collectors.joining("; "));
        return problem(
                ProblemType.VALIDATION,
                detail.isEmpty() ? "The request is not valid" : detail,
                Map.of("errors", errors),
                request);
    }

    static ResponseEntity<ProblemDetail> problem(
            ProblemType type, String detail, Map<String, Object> properties, HttpServletRequest request) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(type.status(), detail);
        body.setType(type.uri());
        body.setTitle(type.title());
        body.setInstance(java.net.URI.create(request.getRequestURI()));
        properties.forEach(body::setProperty);
        ResponseEntity.BodyBuilder answer =
                ResponseEntity.status(type.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (type.status().value() == 503) {
            answer.header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        }
        if (type == ProblemType.UNAUTHORIZED) {
            answer.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        return answer.body(body);
    }

    private static ProblemDetail withStatus(ProblemDetail body, HttpStatusCode status) {
        body.setStatus(status.value());
        return body;
    }

    private static String abbreviate(@Nullable Object value) {
        String text = String.valueOf(value);
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
