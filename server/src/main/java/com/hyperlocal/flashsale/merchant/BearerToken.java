package com.hyperlocal.flashsale.merchant;

import com.hyperlocal.flashsale.web.UnauthorizedException;

/** Reads the credential of an {@code Authorization: Bearer …} header. */
final class BearerToken {

    private BearerToken() {
    }

    static String from(String header) {
        if (header == null || header.isBlank()) {
            throw new UnauthorizedException("This endpoint needs an API key: Authorization: Bearer <key>");
        }
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7) || header.length() > 512) {
            throw new UnauthorizedException("The Authorization header must be: Bearer <key>");
        }
        return header.substring(7).strip();
    }
}
