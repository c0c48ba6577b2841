package com.hyperlocal.flashsale.dev.identity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The development identity provider, switched on only by the embedded default (which sets all of
 * these, and the resource server's issuer/JWKS/audience to match, when no provider is configured).
 *
 * @param enabled  on only when the embedded default found no configured identity provider
 * @param port     loopback port of the issuer's own HTTP server (JWKS, discovery document)
 * @param audience the {@code aud} of its tokens
 * @param tokenTtl lifetime of a minted token
 */
@ConfigurationProperties("flashsale.dev-identity")
record DevIdentityProperties(
        boolean enabled,
        int port,
        @DefaultValue("flashsale-dev") String audience,
        @DefaultValue("1h") Duration tokenTtl) {

    String issuer() {
        return "http://127.0.0.1:" + port;
    }
}
