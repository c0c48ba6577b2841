package com.hyperlocal.flashsale.merchant;

import com.hyperlocal.flashsale.security.CredentialsRejectedException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;

/**
 * The operator's {@code flashsale.admin.token}, compared in constant time. A refused token is
 * logged (never the token itself); the admin chain's per-IP limit throttles guessing.
 */
final class AdminTokenProvider implements AuthenticationProvider {

    private static final Logger log = LoggerFactory.getLogger(AdminTokenProvider.class);

    private final AdminProperties properties;

    AdminTokenProvider(AdminProperties properties) {
        this.properties = properties;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        if (properties.token() == null || properties.token().isBlank()) {
            throw new CredentialsRejectedException("The admin API is disabled: set flashsale.admin.token");
        }
        String given = (String) authentication.getCredentials();
        if (given == null
                || !MessageDigest.isEqual(
                        given.getBytes(StandardCharsets.UTF_8),
                        properties.token().getBytes(StandardCharsets.UTF_8))) {
            log.warn("Admin API: refused a wrong admin token ({} characters)", given == null ? 0 : given.length());
            throw new CredentialsRejectedException("The admin token is not valid");
        }
        return ApiKeyAuthentication.admin();
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return ApiKeyAuthentication.class.isAssignableFrom(authentication);
    }
}
