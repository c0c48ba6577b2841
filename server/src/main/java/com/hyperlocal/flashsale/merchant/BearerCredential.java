package com.hyperlocal.flashsale.merchant;

import com.hyperlocal.flashsale.security.CredentialsRejectedException;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * {@code Authorization: Bearer <credential>} → an unauthenticated {@link ApiKeyAuthentication};
 * no header → null (the chain then answers 401 "needs a credential").
 */
final class BearerCredential implements AuthenticationConverter {

    private static final int MAX_LENGTH = 512;

    @Override
    public @Nullable Authentication convert(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || header.isBlank()) {
            return null;
        }
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7) || header.length() > MAX_LENGTH) {
            throw new CredentialsRejectedException("The Authorization header must be: Bearer <key>");
        }
        return ApiKeyAuthentication.unverified(header.substring(7).strip());
    }
}
