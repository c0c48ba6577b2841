package com.hyperlocal.flashsale.merchant;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A merchant API key or the admin token: unverified as it arrives, then verified with the merchant
 * (or the operator) as principal. {@link #toString()} never shows the credential.
 */
final class ApiKeyAuthentication extends AbstractAuthenticationToken {

    static final String MERCHANT = "MERCHANT";
    static final String ADMIN = "ADMIN";

    private final transient @Nullable Object principal;
    private @Nullable String credential;

    private ApiKeyAuthentication(@Nullable Object principal, @Nullable String credential, @Nullable String role) {
        super(role == null ? List.of() : List.of(new SimpleGrantedAuthority("ROLE_" + role)));
        this.principal = principal;
        this.credential = credential;
        setAuthenticated(role != null);
    }

    static ApiKeyAuthentication unverified(String credential) {
        return new ApiKeyAuthentication(null, credential, null);
    }

    static ApiKeyAuthentication merchant(AuthenticatedMerchant merchant) {
        return new ApiKeyAuthentication(merchant, null, MERCHANT);
    }

    static ApiKeyAuthentication admin() {
        return new ApiKeyAuthentication("admin", null, ADMIN);
    }

    @Override
    public @Nullable String getCredentials() {
        return credential;
    }

    @Override
    public @Nullable Object getPrincipal() {
        return principal;
    }

    @Override
    public void eraseCredentials() {
        credential = null;
        super.eraseCredentials();
    }

    @Override
    public String toString() {
        return "ApiKeyAuthentication[principal=" + principal + ", authenticated=" + isAuthenticated() + "]";
    }
}
