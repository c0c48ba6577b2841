package com.hyperlocal.flashsale.security;

import com.hyperlocal.flashsale.ratelimit.LimitKind;
import com.hyperlocal.flashsale.ratelimit.RateLimiter;
import com.hyperlocal.flashsale.ratelimit.Verdict;
import com.hyperlocal.flashsale.web.ForbiddenException;
import com.hyperlocal.flashsale.web.ProblemResponses;
import com.hyperlocal.flashsale.web.UnauthorizedException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

/**
 * Every 401 and 403 of every filter chain, as problem+json with a {@code WWW-Authenticate: Bearer}
 * challenge (RFC 6750: {@code error="invalid_token"} for a token that was sent and refused, no
 * error code when none was sent). Each 401 also counts against the caller IP's limit, so a scanner
 * trying keys or tokens is answered 429 once it is over it.
 */
@Component
public class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint, AccessDeniedHandler {

    private static final int MAX_DESCRIPTION = 200;

    private final ProblemResponses problems;
    private final RateLimiter limiter;

    ProblemAuthenticationEntryPoint(ProblemResponses problems, RateLimiter limiter) {
        this.problems = problems;
        this.limiter = limiter;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (limiter.consume(LimitKind.IP, ClientIp.of(request)) instanceof Verdict.Refused refused) {
            problems.write(refused.problem(), null, request, response);
            return;
        }
        String detail = describe(e);
        String challenge = sentCredentials(e)
                ? "Bearer error=\"invalid_token\", error_description=\"" + headerSafe(detail) + "\""
                : "Bearer realm=\"flashsale\"";
        problems.write(new UnauthorizedException(detail), challenge, request, response);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        problems.write(
                new ForbiddenException("This credential may not call this endpoint"),
                "Bearer error=\"insufficient_scope\"",
                request,
                response);
    }

    private static boolean sentCredentials(AuthenticationException e) {
        return e instanceof OAuth2AuthenticationException || e instanceof CredentialsRejectedException;
    }

    private static String describe(AuthenticationException e) {
        String detail = null;
        if (e instanceof OAuth2AuthenticationException oauth) {
            OAuth2Error error = oauth.getError();
            detail = error.getDescription();
        } else if (e instanceof CredentialsRejectedException) {
            detail = e.getMessage();
        }
        if (detail == null || detail.isBlank()) {
            detail = "This endpoint needs a credential: Authorization: Bearer <token>";
        }
        return detail.length() > MAX_DESCRIPTION ? detail.substring(0, MAX_DESCRIPTION) + "…" : detail;
    }

    /** RFC 6750: error_description is %x20-21 / %x23-5B / %x5D-7E. */
    private static String headerSafe(String text) {
        StringBuilder safe = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            safe.append(c >= 0x20 && c <= 0x7E && c != '"' && c != '\\' ? c : ' ');
        }
        return safe.toString();
    }
}
