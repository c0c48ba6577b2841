package com.hyperlocal.flashsale.security;

import com.hyperlocal.flashsale.ratelimit.LimitKind;
import com.hyperlocal.flashsale.ratelimit.RateLimiter;
import com.hyperlocal.flashsale.ratelimit.Verdict;
import com.hyperlocal.flashsale.web.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/** Counts each request of a chain against the client IP's bucket of one kind; 429 when over it. */
public final class IpRateLimitFilter extends OncePerRequestFilter {

    private final RateLimiter limiter;
    private final ProblemResponses problems;
    private final LimitKind kind;
    private final RequestMatcher exempt;

    public IpRateLimitFilter(RateLimiter limiter, ProblemResponses problems, LimitKind kind, RequestMatcher exempt) {
        this.limiter = limiter;
        this.problems = problems;
        this.kind = kind;
        this.exempt = exempt;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!exempt.matches(request)
                && limiter.consume(kind, ClientIp.of(request)) instanceof Verdict.Refused refused) {
            problems.write(refused.problem(), null, request, response);
            return;
        }
        chain.doFilter(request, response);
    }
}
