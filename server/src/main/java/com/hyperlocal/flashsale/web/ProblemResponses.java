package com.hyperlocal.flashsale.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a domain error as problem+json straight to the servlet response, for the security filters
 * that answer before any controller runs. The body is the one {@link ApiExceptionHandler} builds.
 */
@Component
public class ProblemResponses {

    private final JsonMapper json;

    ProblemResponses(JsonMapper json) {
        this.json = json;
    }

    /** {@code wwwAuthenticate} replaces the plain {@code Bearer} challenge of a 401 when not null. */
    public void write(
            DomainException e,
            @Nullable String wwwAuthenticate,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        ResponseEntity<ProblemDetail> answer = Problems.of(e, request);
        response.setStatus(answer.getStatusCode().value());
        answer.getHeaders().forEach((name, values) -> values.forEach(v -> response.addHeader(name, v)));
        if (wwwAuthenticate != null) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, wwwAuthenticate);
        }
        if (e instanceof RateLimitedException limited) {
            rateLimitHeaders(limited, response);
        }
        org.apache.coyote.Request unread = unreadBody(request);
        if (unread != null) {
            // Refused before its body was read (a 401, 403 or 429 from a filter): Tomcat must not
            // swallow the rest, which a slow client could trickle for minutes; close instead.
            unread.action(org.apache.coyote.ActionCode.DISABLE_SWALLOW_INPUT, null);
            response.setHeader(HttpHeaders.CONNECTION, "close");
        }
        response.setContentType("application/problem+json");
        json.writeValue(response.getOutputStream(), answer.getBody());
        if (unread != null) {
            response.flushBuffer();
            unread.action(org.apache.coyote.ActionCode.CLOSE_NOW, null);
        }
    }

    /** Tomcat's request when this request declares a body that nothing has read yet. */
    private static org.apache.coyote.@Nullable Request unreadBody(HttpServletRequest request) {
        boolean body = request.getContentLengthLong() > 0 || request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
        return body && request.getAttribute(RefusedBodyValve.COYOTE_REQUEST) instanceof org.apache.coyote.Request r
                ? r
                : null;
    }

    /**
     * {@code Retry-After} plus the IETF draft's structured headers (draft-ietf-httpapi-ratelimit-headers):
     * {@code RateLimit-Policy: "shopper";q=10;w=60} and {@code RateLimit: "shopper";r=0;t=7}.
     */
    static void rateLimitHeaders(RateLimitedException e, HttpServletResponse response) {
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()));
        response.setHeader("RateLimit-Policy", "\"" + e.limit() + "\";q=" + e.capacity() + ";w=" + e.windowSeconds());
        response.setHeader("RateLimit", "\"" + e.limit() + "\";r=0;t=" + e.retryAfterSeconds());
    }
}
