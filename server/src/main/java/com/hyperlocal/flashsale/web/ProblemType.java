package com.hyperlocal.flashsale.web;

import java.net.URI;
import org.springframework.http.HttpStatus;

/**
 * Every cause of an error answer, with its stable RFC 9457 {@code type}. Clients branch on the
 * type, never on the wording of {@code detail}. The list is published in docs/architecture.md.
 */
public enum ProblemType {
    VALIDATION("validation", HttpStatus.BAD_REQUEST, "Invalid request"),
    UNAUTHORIZED("unauthorized", HttpStatus.UNAUTHORIZED, "Not authorised"),
    FORBIDDEN("forbidden", HttpStatus.FORBIDDEN, "Forbidden"),
    RATE_LIMITED("rate-limited", HttpStatus.TOO_MANY_REQUESTS, "Too many requests"),
    NOT_FOUND("not-found", HttpStatus.NOT_FOUND, "Not found"),
    SOLD_OUT("sold-out", HttpStatus.CONFLICT, "Deal sold out"),
    ALREADY_CLAIMED("already-claimed", HttpStatus.CONFLICT, "Already claimed"),
    DEAL_NOT_ACTIVE("deal-not-active", HttpStatus.CONFLICT, "Deal not active"),
    LOCK_BUSY("lock-busy", HttpStatus.SERVICE_UNAVAILABLE, "Deal busy, try again"),
    DEPENDENCY_UNAVAILABLE("dependency-unavailable", HttpStatus.SERVICE_UNAVAILABLE, "Service temporarily unavailable"),
    /** Sent to the database, answer lost (frozen/partitioned): may have been recorded; a retry is safe. */
    CLAIM_OUTCOME_UNKNOWN("claim-outcome-unknown", HttpStatus.SERVICE_UNAVAILABLE, "Claim outcome unknown, retry"),
    METHOD_NOT_ALLOWED("method-not-allowed", HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type"),
    NOT_ACCEPTABLE("not-acceptable", HttpStatus.NOT_ACCEPTABLE, "Not acceptable"),
    /** An Idempotency-Key sent again with a different body (draft-ietf-httpapi-idempotency-key-header). */
    IDEMPOTENCY_KEY_REUSED(
            "idempotency-key-reused", HttpStatus.UNPROCESSABLE_CONTENT, "Idempotency-Key reused with another request"),
    WEBHOOK_LIMIT("webhook-limit", HttpStatus.CONFLICT, "Too many webhooks"),
    INTERNAL("internal", HttpStatus.INTERNAL_SERVER_ERROR, "Internal error"),
    // Answered before a controller runs: by BodyLimitFilter, by Tomcat (ProblemErrorReportValve) or /error.
    BAD_REQUEST("bad-request", HttpStatus.BAD_REQUEST, "Malformed request"),
    PAYLOAD_TOO_LARGE("payload-too-large", HttpStatus.CONTENT_TOO_LARGE, "Request body too large"),
    REQUEST_TIMEOUT("request-timeout", HttpStatus.REQUEST_TIMEOUT, "Request not received in time"),
    URI_TOO_LONG("uri-too-long", HttpStatus.URI_TOO_LONG, "URI too long"),
    HEADERS_TOO_LARGE("headers-too-large", HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "Request headers too large"),
    HTTP_VERSION_NOT_SUPPORTED(
            "http-version-not-supported", HttpStatus.HTTP_VERSION_NOT_SUPPORTED, "HTTP version not supported"),
    NOT_IMPLEMENTED("not-implemented", HttpStatus.NOT_IMPLEMENTED, "Not implemented"),
    UNAVAILABLE("unavailable", HttpStatus.SERVICE_UNAVAILABLE, "Service temporarily unavailable");

    private static final String BASE = "urn:flashsale:problem:";

    private final String slug;
    private final HttpStatus status;
    private final String title;

    ProblemType(String slug, HttpStatus status, String title) {
        this.slug = slug;
        this.status = status;
        this.title = title;
    }

    /**
     * The type for an error status set outside our handlers (Tomcat, a filter, the servlet
     * container's error page): the most specific constant with that status, else a generic one.
     */
    public static ProblemType forStatus(int status) {
        return switch (status) {
            case 400 -> BAD_REQUEST;
            case 401 -> UNAUTHORIZED;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 408 -> REQUEST_TIMEOUT;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 414 -> URI_TOO_LONG;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 431 -> HEADERS_TOO_LARGE;
            case 501 -> NOT_IMPLEMENTED;
            case 503 -> UNAVAILABLE;
            case 505 -> HTTP_VERSION_NOT_SUPPORTED;
            default -> status >= 400 && status < 500 ? BAD_REQUEST : INTERNAL;
        };
    }

    public URI uri() {
        return URI.create(BASE + slug);
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }
}
