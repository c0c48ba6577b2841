package com.hyperlocal.flashsale.security;

import org.springframework.security.core.AuthenticationException;

/**
 * A credential that was sent and refused (unknown or revoked API key, wrong admin token). Its
 * message becomes the problem's detail, so it must never contain the credential.
 */
public class CredentialsRejectedException extends AuthenticationException {

    public CredentialsRejectedException(String safeMessage) {
        super(safeMessage);
    }
}
