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
import org.springframework.http.HttpMethod;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * After the token is verified: a claim counts against the shopper's bucket (all deals) and the
 * shopper's bucket for that deal, both in one overlapped Redis round trip. Runs before the
 * controller, so an over-limit claim never reaches the claim engine.
 */
final class ShopperClaimLimitFilter extends OncePerRequestFilter {

    private static final PathPatternRequestMatcher CLAIM =
            PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/api/v1/deals/{dealId}/claims");

    private final RateLimiter limiter;
    private final ProblemResponses problems;

    ShopperClaimLimitFilter(RateLimiter limiter, ProblemResponses problems) {
        this.limiter = limiter;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        RequestMatcher.MatchResult match = CLAIM.matcher(request);
        Authentication shopper = SecurityContextHolder.getContext().getAuthentication();
        if (match.isMatch() && shopper != null && shopper.isAuthenticated()) {
            String sub = shopper.getName();
            String deal = match.getVariables().get("dealId");
            Verdict verdict = limiter.consumeAll(LimitKind.SHOPPER_DEAL, sub + ":" + deal, LimitKind.SHOPPER, sub);
            if (verdict instanceof Verdict.Refused refused) {
                problems.write(refused.problem(), null, request, response);
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
