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
    METHOD_NOT_ALLOWED("method-not-allowed", HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type"),
    NOT_ACCEPTABLE("not-acceptable", HttpStatus.NOT_ACCEPTABLE, "Not acceptable"),
    INTERNAL("internal", HttpStatus.INTERNAL_SERVER_ERROR, "Internal error");

    private static final String BASE = "urn:flashsale:problem:";

    private final String slug;
    private final HttpStatus status;
    private final String title;

    ProblemType(String slug, HttpStatus status, String title) {
        this.slug = slug;
        this.status = status;
        this.title = title;
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
