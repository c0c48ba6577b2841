package com.hyperlocal.flashsale.voucher;

import java.time.Duration;

import com.hyperlocal.flashsale.crypto.TrustedKeys;
import com.nimbusds.jose.jwk.ECKey;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public voucher verification keys as a JWK set (RFC 7517). {@code application/jwk-set+json}
 * unless the client only accepts {@code application/json}. Cached publicly for
 * {@link #MAX_AGE}: short enough that a till refreshing after an UNKNOWN_KEY sees a rotated-in key
 * within minutes, long enough to keep a CDN in front of it useful.
 */
@RestController
class JwksController {

    static final String JWK_SET_JSON = "application/jwk-set+json";
    static final Duration MAX_AGE = Duration.ofMinutes(5);

    private final VoucherKeyring keyring;

    JwksController(VoucherKeyring keyring) {
        this.keyring = keyring;
    }

    @GetMapping(path = "/.well-known/jwks.json", produces = {JWK_SET_JSON, "application/json"})
    ResponseEntity<String> jwks() {
        // TrustedKeys.of strips any private part again, belt and braces.
        String body = TrustedKeys.of(keyring.publishedKeys().toArray(ECKey[]::new)).toJwksJson();
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(MAX_AGE).cachePublic()).body(body);
    }
}
