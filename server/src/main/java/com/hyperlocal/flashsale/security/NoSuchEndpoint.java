package com.hyperlocal.flashsale.security;

import com.hyperlocal.flashsale.ratelimit.LimitKind;
import com.hyperlocal.flashsale.ratelimit.RateLimiter;
import com.hyperlocal.flashsale.ratelimit.Verdict;
import com.hyperlocal.flashsale.web.MethodNotAllowedException;
import com.hyperlocal.flashsale.web.NotFoundException;
import com.hyperlocal.flashsale.web.ProblemResponses;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;

/**
 * The answer of the deny-by-default chain: a path no chain serves is 404 for everybody (405 for a
 * method other than GET on a public path), counted
 * against the client IP like any unauthenticated request (a scanner walking paths is throttled).
 */
@Component
class NoSuchEndpoint implements AuthenticationEntryPoint, AccessDeniedHandler {

    /** Paths that exist for some method: the public ones and {@code /api/v1/deals} (POST, merchants). */
    private static final RequestMatcher PUBLIC_PATHS_ANY_METHOD = new OrRequestMatcher(java.util.stream.Stream.concat(
                    SecurityConfiguration.PUBLIC_PATHS.stream(), java.util.stream.Stream.of("/api/v1/deals"))
            .map(SecurityConfiguration::path)
            .toList());

    private final ProblemResponses problems;
    private final RateLimiter limiter;

    NoSuchEndpoint(ProblemResponses problems, RateLimiter limiter) {
        this.problems = problems;
        this.limiter = limiter;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        answer(request, response);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        answer(request, response);
    }

    private void answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (limiter.consume(LimitKind.IP, ClientIp.of(request)) instanceof Verdict.Refused refused) {
            problems.write(refused.problem(), null, request, response);
            return;
        }
        if (PUBLIC_PATHS_ANY_METHOD.matches(request)) {
            problems.write(new MethodNotAllowedException(request.getMethod()), null, request, response);
            return;
        }
        String path = request.getRequestURI();
        path = path.length() > 80 ? path.substring(0, 80) + "…" : path;
        problems.write(new NotFoundException("Endpoint", request.getMethod() + " " + path), null, request, response);
    }
}
