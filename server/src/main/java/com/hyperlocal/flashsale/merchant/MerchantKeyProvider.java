package com.hyperlocal.flashsale.merchant;

import com.hyperlocal.flashsale.security.CredentialsRejectedException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;

/** Verifies an {@code fsk_} API key: its shape, then one indexed lookup of its SHA-256. */
final class MerchantKeyProvider implements AuthenticationProvider {

    private final MerchantAccounts accounts;

    MerchantKeyProvider(MerchantAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String key = (String) authentication.getCredentials();
        if (key == null || !ApiKeys.SHAPE.matcher(key).matches()) {
            throw new CredentialsRejectedException("The API key is not valid");
        }
        return accounts.byKeyHash(ApiKeys.hash(key))
                .map(ApiKeyAuthentication::merchant)
                .orElseThrow(() -> new CredentialsRejectedException("The API key is not valid or has been revoked"));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return ApiKeyAuthentication.class.isAssignableFrom(authentication);
    }
}
