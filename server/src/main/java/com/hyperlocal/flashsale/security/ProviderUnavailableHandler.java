package com.hyperlocal.flashsale.security;

import com.hyperlocal.flashsale.web.DependencyUnavailableException;
import com.hyperlocal.flashsale.web.ProblemResponses;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * A bearer token that could not be checked because the identity provider's JWKS could not be
 * fetched (down, frozen, refusing us) is our dependency failing, not the client's error: 503
 * problem+json with Retry-After, logged as one line without the token. Spring Security's default
 * rethrows it, which surfaced as a 500 with a stack trace. Every other failure is a 401 as before.
 */
final class ProviderUnavailableHandler implements AuthenticationFailureHandler {

    private static final Logger log = LoggerFactory.getLogger(ProviderUnavailableHandler.class);

    private final AuthenticationEntryPoint unauthorized;
    private final ProblemResponses problems;

    ProviderUnavailableHandler(AuthenticationEntryPoint unauthorized, ProblemResponses problems) {
        this.unauthorized = unauthorized;
        this.problems = problems;
    }

    @Override
    public void onAuthenticationFailure(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException, ServletException {
        if (failure instanceof AuthenticationServiceException) {
            log.warn("Shopper token not checked, identity provider unavailable: {}", rootMessage(failure));
            problems.write(
                    new DependencyUnavailableException("The identity provider", failure), null, request, response);
            return;
        }
        unauthorized.commence(request, response, failure);
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        // The cause names the JWKS URL and status; cut bodies an HTML error page would add.
        return root.getClass().getSimpleName()
                + (message == null ? "" : ": " + message.lines().findFirst().orElse(""));
    }
}
